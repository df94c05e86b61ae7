// Fails when a built chunk in dist/assets is over the limit (500 kB, Vite's warning threshold), and prints the sizes.
// Usage (after `npm run build`): node scripts/check-chunks.mjs [limitKb]
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const limitKb = Number(process.argv[2] ?? 500)
const assets = fileURLToPath(new URL('../dist/assets', import.meta.url))
const chunks = readdirSync(assets)
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
  .map((name) => ({ name, kb: statSync(join(assets, name)).size / 1000 }))
  .sort((a, b) => b.kb - a.kb)

if (chunks.length === 0) {
  console.error(`check-chunks: no chunks in ${assets} (build first)`)
  process.exit(1)
}
const over = chunks.filter((c) => c.kb > limitKb)
for (const c of chunks) console.log(`${c.kb > limitKb ? 'OVER' : '    '} ${c.kb.toFixed(2).padStart(9)} kB  ${c.name}`)
console.log(`check-chunks: ${chunks.length} chunks, largest ${chunks[0].kb.toFixed(2)} kB, limit ${limitKb} kB, ${over.length} over`)
process.exit(over.length > 0 ? 1 : 0)
