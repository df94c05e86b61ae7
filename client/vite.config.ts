/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The API is served on the same origin under /api (nginx in production).
// In development, Vite proxies it to the local ASP.NET Core API.
const apiProxy = {
  '/api': {
    target: process.env.ASKVIDEO_API_URL ?? 'http://127.0.0.1:5080',
    changeOrigin: false,
    // Server-Sent Events and long chat answers must not be cut off.
    timeout: 0,
    proxyTimeout: 0,
  },
}

/**
 * The libraries that get a chunk of their own: the framework (cached across releases), and the heavy ones that only
 * some pages use, so the first page never loads them: charts (recharts and its d3/redux parts), Markdown
 * (react-markdown, the unified/micromark/mdast/hast family) and drag and drop (dnd-kit). A group also takes the
 * packages its modules import, so the framework's group comes first (highest priority): React stays out of the
 * charts chunk.
 */
const libraryChunks: Array<[chunk: string, packages: RegExp]> = [
  ['react', /^(react|react-dom|scheduler|react-router|cookie|set-cookie-parser|use-sync-external-store|react-is|clsx)$/],
  ['charts', /^(recharts|victory-vendor|d3-.*|internmap|@reduxjs\/toolkit|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant)$/],
  [
    'markdown',
    /^(react-markdown|remark-.*|rehype-.*|unified|micromark.*|mdast-.*|hast-.*|hastscript|unist-.*|vfile.*|property-information|space-separated-tokens|comma-separated-tokens|character-.*|decode-named-character-reference|devlop|bail|is-plain-obj|trough|zwitch|ccount|longest-streak|style-to-.*|inline-style-parser|estree-.*|html-url-attributes|trim-lines|extend|web-namespaces|@ungap\/structured-clone)$/,
  ],
  ['dnd', /^@dnd-kit\//],
]

/** The package a module belongs to (`@scope/name` or `name`), or undefined for the app's own code. */
function packageOf(id: string): string | undefined {
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id.slice(id.lastIndexOf('node_modules') - 1))
  return match?.[1]?.replace('\\', '/')
}

const chunkGroups = libraryChunks.map(([name, packages], index) => ({
  name,
  priority: libraryChunks.length - index,
  test: (id: string) => packages.test(packageOf(id) ?? ''),
}))

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: apiProxy,
  },
  preview: {
    proxy: apiProxy,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ./scripts/test.sh fails on any chunk over this too (client/scripts/check-chunks.mjs).
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: chunkGroups },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 30_000,
  },
})
