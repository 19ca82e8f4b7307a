import react from '@vitejs/plugin-react'
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { checkScenariosPlugin } from './src/build/checkScenariosPlugin.ts'
import { scenarioIndexPlugin } from './src/build/scenarioIndexPlugin.ts'
import { precachePlugin } from './src/sw/precachePlugin.ts'
import { threeSourcePlugin } from './src/build/threeSourcePlugin.ts'
import { CONTENT_SECURITY_POLICY } from './src/build/contentSecurityPolicy.ts'

export default defineConfig({
  plugins: [
    react(),
    threeSourcePlugin(),
    checkScenariosPlugin(),
    scenarioIndexPlugin(),
    precachePlugin(),
  ],
  // R3F has no exports map; resolving `module` first silences Vitest's require('three') warning
  environments: { ssr: { resolve: { mainFields: ['module', 'main'] } } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    modulePreload: {
      // every browser the app supports (es2022, WebGL 2) has <link rel="modulepreload">
      polyfill: false,
      // The page preloads what it imports; a chunk loaded by import() (a screen, a look) fetches
      // its own imports once it arrives, as the browser does, and its CSS still comes with it.
      // Listing every lazy chunk's imports in the entry cost 1.7 KB gzip of file names in the
      // first download, for one round trip saved on a first visit only: the service worker has
      // every chunk precached after it (src/sw/precachePlugin.ts).
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rolldownOptions: {
      output: {
        // What the page imports statically is all downloaded before anything shows, however it is
        // cut: two chunks of it (the libraries, which change seldom, and the app) rather than a
        // dozen shared ones, so gzip and the minifier work across it. What is loaded by import()
        // (screens, looks, languages) is split as the bundler finds best.
        codeSplitting: {
          groups: [
            { name: 'vendor', tags: ['$initial'], test: /[\\/]node_modules[\\/]/, priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  // `npm start` and the browser tests serve the build with the policy enforced
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'tests/server/**'],
        },
      },
      {
        // a real server over a real database: each suite on PGlite and on PostgreSQL
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/server/postgres.ts'],
          // two files at once even on two cores (Vitest's default there is one): they wait on
          // sockets, timers and the databases more than they compute, and each has its own
          // databases (a fresh PostgreSQL database per server, PGlite in memory) and ports
          maxWorkers: Math.max(2, availableParallelism() - 1),
          testTimeout: 60_000,
          hookTimeout: 120_000,
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
