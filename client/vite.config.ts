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
