// Vite plugin: emits sw.js with the list of every file of the build (and the page itself), so
// the service worker can cache the whole app on the first visit. The version is a hash of that list.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

export function precachePlugin(): Plugin {
  let root = process.cwd()
  return {
    name: 'practica-precache',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    // after Vite's own generateBundle work (the CSS plugin deletes the empty JS chunks of CSS
    // shared by lazy chunks, the HTML plugin adds the page): the list is what is written, else the
    // worker's install fails on a file that is not there and nothing is cached
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'))
        const list = ['./', ...files.map((f) => `./${f}`)].sort()
        const version = createHash('sha256')
          .update(JSON.stringify(list))
          .update(
            Object.values(bundle)
              .map((b) => ('code' in b ? b.code : String(b.source.length)))
              .join(),
          )
          .digest('hex')
          .slice(0, 12)
        const source = readFileSync(join(root, 'src/sw/serviceWorker.js'), 'utf8')
          .replace('= __VERSION__', `= ${JSON.stringify(version)}`)
          .replace('= __PRECACHE__', `= ${JSON.stringify(list)}`)
        this.emitFile({ type: 'asset', fileName: 'sw.js', source })
      },
    },
  }
}
