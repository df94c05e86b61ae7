// Browser journeys with @playwright/test, driving Debian's Chromium (/usr/bin/chromium, installed by
// scripts/install-deps.sh --with-browser; never a downloaded browser) against the real API and Worker behind nginx.
// One journey per test, one worker (the machine has two cores and the journeys share one stack).
import { defineConfig } from '@playwright/test'
import { useSystemFfmpegForVideo } from './support/ffmpeg.ts'

const artifacts = process.env.E2E_ARTIFACTS ?? 'artifacts'
useSystemFfmpegForVideo()

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  outputDir: `${artifacts}/test-results`,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Journeys wait for real video processing (ffmpeg, espeak-ng, the embedder) on a busy two-core machine.
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./support/summary-reporter.ts']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8181',
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    // Kept only for failed journeys, under artifacts/test-results/<test>/.
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The flags this sandboxed, offline machine needs.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
