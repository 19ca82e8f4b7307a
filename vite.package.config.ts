// The learner app limited to one scenario, as an LMS runs it (a SCORM 1.2 SCO or a cmi5 AU): its
// own entry (src/package/au), every path relative (`base: './'`), so that it runs from wherever
// the LMS serves the package (e.g. /pluginfile.php/12/mod_scorm/content/1/); no service worker,
// no library, no server. `npm run -s cli -- package …` builds it and copies the scenario in.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { threeSourcePlugin } from './src/build/threeSourcePlugin.ts'

const root = new URL('./src/package/au/', import.meta.url).pathname

// eslint-disable-next-line no-restricted-syntax -- Vite reads a config's default export
export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [react(), threeSourcePlugin()],
  build: {
    target: 'es2022',
    outDir: new URL('./dist-package/', import.meta.url).pathname,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
})
