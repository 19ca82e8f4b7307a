// A scenario's own glTF models: fetched and checked by the engine (every file a model refers to
// must stay beside it) before the scene loads one; each URL is checked once per page.
import { checkGltfReferences } from '../core/index.ts'

const checked = new Map<string, Promise<boolean>>()

/** Whether the model at `url` (written `path` in the scenario) is safe to load; false if it cannot be read. */
export function isModelSafe(url: string, path: string): Promise<boolean> {
  const key = `${url}\n${path}`
  let safe = checked.get(key)
  if (!safe) {
    safe = fetch(url)
      .then((r) => r.arrayBuffer())
      .then((bytes) => checkGltfReferences(new Uint8Array(bytes), path).length === 0)
      .catch(() => {
        // a failed download is tried again next time; only the engine's answer is kept
        checked.delete(key)
        return false
      })
    checked.set(key, safe)
  }
  return safe
}
