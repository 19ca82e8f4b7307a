// The rule for `model` paths (spec: a glTF/GLB file inside the scenario's folder or the
// project's assets/ folder, never a URL). Pure string logic; nothing is fetched or resolved here.

/**
 * Why a model path is refused, or undefined when it is allowed. Scenarios live in `scenarios/`
 * beside `assets/`, so `../assets/…` is the one way out of the scenario's folder. Pure.
 */
export function checkModelPath(path: string): string | undefined {
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
function resolve(path: string): string[] | string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path) || path.startsWith('//')) {
    return 'must be a path relative to the scenario file, not a URL'
  }
  if (path.startsWith('/') || path.includes('\\')) {
    return 'must be a relative path with / between folders (no leading /, no \\)'
  }
  if (!/\.(glb|gltf)$/i.test(path)) return 'must name a .glb or .gltf file'
  // %, ? and # would change meaning once the path is used in a URL
  if (!/^[\p{L}\p{N} ._/-]+$/u.test(path))
    return 'may use only letters, digits, spaces, ".", "_", "-" and "/"'
  const resolved: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (resolved.length === 0) resolved.push('..')
      else if (resolved[resolved.length - 1] === '..') return 'leaves the allowed folders'
      else resolved.pop()
    } else resolved.push(segment)
  }
  if (resolved[0] === '..' && resolved[1] !== 'assets') {
    return "must stay inside the scenario's folder or the project's assets/ folder (../assets/…)"
  }
  return resolved
}
