import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  // R3F has no exports map; resolving `module` first silences Vitest's require('three') warning
  environments: { ssr: { resolve: { mainFields: ['module', 'main'] } } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
  },
})
