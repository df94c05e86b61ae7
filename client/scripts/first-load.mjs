// The JavaScript the first page loads: the entry with everything it imports statically, plus the chunks of the page's
// route (a dynamic import of the router) with theirs. Raw and gzip sizes.
// Usage: npx vite build --manifest && node scripts/first-load.mjs
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'))

/** The first pages measured, with the source modules their routes import on demand. */
const pages = {
  'landing (/ as a visitor)': ['src/features/home/IndexPage.tsx'],
  'videos (/videos signed in)': ['src/features/videos/index.ts'],
}

function collect(key, files) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) collect(imported, files)
}

for (const [page, routes] of Object.entries(pages)) {
  const files = new Set()
  collect('index.html', files)
  // A route module missing from the manifest is not a chunk of its own: it is in the entry already.
  for (const route of routes) collect(route, files)
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const bytes = readFileSync(dist + file)
    raw += bytes.length
    gzip += gzipSync(bytes).length
  }
  console.log(`${page}: ${files.size} JS files, ${(raw / 1000).toFixed(1)} kB (${(gzip / 1000).toFixed(1)} kB gzip)`)
}
