// Vite plugin: every scenario in scenarios/ is checked by the engine when the app is built or
// served, and a broken one stops the build with its problems. The app then only compiles them
// (bundledScenarios.ts), so the validator is not in the learner's first download.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { formatProblem, loadScenario } from '../core/index.ts'

/** The scenario files bundled with the app: scenarios/*.json less the JSON Schema. */
export function bundledScenarioNames(root: string): string[] {
  return readdirSync(join(root, 'scenarios'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
}

/** Every problem of the bundled scenarios, one line each, naming the file; empty when none. */
export function checkBundledScenarios(root: string, names = bundledScenarioNames(root)): string[] {
  return names.flatMap((name) => {
    // the app draws them: every look must be one of the catalogue's, with its own params
    const loaded = loadScenario(readFileSync(join(root, 'scenarios', name)), {
      looks: 'catalogue',
    })
    return loaded.ok ? [] : loaded.problems.map((p) => `scenarios/${name}: ${formatProblem(p)}`)
  })
}

function report(lines: readonly string[]): string {
  return (
    `${lines.length} ${lines.length === 1 ? 'problem' : 'problems'} in the bundled scenarios; ` +
    `fix them (the editor shows each in ` +
    `place) or move the file out of scenarios/:\n  ${lines.join('\n  ')}`
  )
}

/** Says what is wrong, with no stack trace (the mistake is in a file, not the build); stops. */
function stop(message: string): never {
  console.error(`\n${message}\n`)
  process.exit(1)
}

export function checkScenariosPlugin(fail: (message: string) => void = stop): Plugin {
  let root = process.cwd()
  return {
    name: 'practica-check-scenarios',
    // Vitest's own scenario tests say more, test by test
    apply: (_config, env) => env.mode !== 'test',
    configResolved(config) {
      root = config.root
    },
    buildStart() {
      const problems = checkBundledScenarios(root)
      for (const name of bundledScenarioNames(root))
        this.addWatchFile(join(root, 'scenarios', name))
      if (problems.length > 0) fail(report(problems))
    },
    configureServer(server) {
      // while serving, an edited scenario is checked again and its problems shown on the page
      server.watcher.on('change', (path) => {
        const name = path.slice(path.lastIndexOf('/') + 1)
        if (!path.startsWith(join(root, 'scenarios')) || !bundledScenarioNames(root).includes(name))
          return
        const problems = checkBundledScenarios(root, [name])
        if (problems.length === 0) return
        server.config.logger.error(report(problems))
        server.ws.send({ type: 'error', err: { message: report(problems), stack: '' } })
      })
    },
  }
}
