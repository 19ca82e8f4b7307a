// The installed versions of the peer libraries, printed in the benchmarks' notes.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** `name@version` of an installed package. */
export function getPackageVersion(name: 'xstate' | 'json-logic-js' | 'ajv'): string {
  return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`
}
