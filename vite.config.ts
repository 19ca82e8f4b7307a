import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  // R3F has no exports map; resolving `module` first silences Vitest's require('three') warning
  environments: { ssr: { resolve: { mainFields: ['module', 'main'] } } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**'],
        },
      },
      {
        // headless Chromium against the built app: one file at a time, each test with its own page
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/server.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
