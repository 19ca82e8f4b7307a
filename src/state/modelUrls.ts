import { resolveModelPath } from '../core/index.ts'

// glTF files the app ships (scenarios/ and assets/), by their path from the project root. A
// scenario's `model` path is resolved by the engine's rule (core/modelPath.ts) and looked up
// in this list only, so no other URL is ever fetched.
const files = {
  ...import.meta.glob<string>('../../assets/**/*.{glb,gltf}', {
    query: '?url',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>('../../scenarios/**/*.{glb,gltf}', {
    query: '?url',
    import: 'default',
    eager: true,
  }),
}

const byPath = new Map(
  Object.entries(files).map(([path, url]) => [path.replace(/^\.\.\/\.\.\//, ''), url]),
)

/** The URL of a bundled scenario's model (path relative to scenarios/), or undefined if not shipped. */
export function resolveModelUrl(path: string): string | undefined {
  const fromRoot = resolveModelPath(path)
  return fromRoot === undefined ? undefined : byPath.get(fromRoot)
}
