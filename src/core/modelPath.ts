// The rule for `model` paths (spec: a glTF/GLB file inside the scenario's folder or the
// project's assets/ folder, never a URL). Pure string logic; nothing is fetched or resolved here.
import type { ProblemCode } from './problemCodes.ts'

/** Why a model path is refused: a problem code whose text takes the path as {{path}}. */
export type ModelPathRefusal = Extract<ProblemCode, `modelPath.${string}`>

/**
 * Why a model path is refused, or undefined when it is allowed. Scenarios live in `scenarios/`
 * beside `assets/`, so `../assets/…` is the one way out of the scenario's folder. Pure.
 */
export function checkModelPath(path: string): ModelPathRefusal | undefined {
  const resolved = resolve(path)
  return typeof resolved === 'string' ? resolved : undefined
}

/**
 * Where an allowed model path of a bundled scenario points, from the project root
 * (`scenarios/…` or `assets/…`); undefined when the path is refused. Pure.
 */
export function resolveModelPath(path: string): string | undefined {
  const resolved = resolve(path)
  if (typeof resolved === 'string') return undefined
  return resolved[0] === '..' ? resolved.slice(1).join('/') : ['scenarios', ...resolved].join('/')
}

// The path's segments relative to the scenario's folder ('..' first for assets/), or why not.
function resolve(path: string): string[] | ModelPathRefusal {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path) || path.startsWith('//')) {
    return 'modelPath.url'
  }
  if (path.startsWith('/') || path.includes('\\')) {
    return 'modelPath.absolute'
  }
  if (!/\.(glb|gltf)$/i.test(path)) return 'modelPath.extension'
  // %, ? and # would change meaning once the path is used in a URL
  if (!/^[\p{L}\p{N} ._/-]+$/u.test(path)) return 'modelPath.characters'
  const resolved: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (resolved.length === 0) resolved.push('..')
      else if (resolved[resolved.length - 1] === '..') return 'modelPath.leaves'
      else resolved.pop()
    } else resolved.push(segment)
  }
  if (resolved[0] === '..' && resolved[1] !== 'assets') {
    return 'modelPath.outside'
  }
  return resolved
}
