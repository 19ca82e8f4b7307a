// The file the command line writes next to the AU (`practica-package.json`): which LMS standard
// the package speaks and the mode its attempts are in. The scenario is `scenario.json` beside it.
import type { Mode } from '../core/index.ts'

export type PackageKind = 'scorm12' | 'cmi5'

export interface PackageConfig {
  readonly kind: PackageKind
  readonly mode: Mode
}

export const CONFIG_FILE = 'practica-package.json'
export const SCENARIO_FILE = 'scenario.json'

/** The config in a file's text, or undefined when it is not one. Pure. */
export function parseConfig(text: string): PackageConfig | undefined {
  try {
    const { kind, mode } = JSON.parse(text) as Partial<PackageConfig>
    const kindOk = kind === 'scorm12' || kind === 'cmi5'
    const modeOk = mode === 'practice' || mode === 'assessment'
    return kindOk && modeOk ? { kind, mode } : undefined
  } catch {
    return undefined
  }
}
