// What a glTF model may load besides itself: its buffers and images must be embedded (data:)
// or files beside it, never a URL and never outside the scenario's allowed folders.
import { parseJson } from './json.ts'
import { checkModelPath } from './modelPath.ts'
import { problemAt, type Problem } from './problems.ts'

const GLB_MAGIC = 0x46546c67 // "glTF"
const JSON_CHUNK = 0x4e4f534a // "JSON"

/** The JSON part of a .glb or .gltf file, or undefined if it is neither. Pure. */
function gltfJson(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length >= 20 && view.getUint32(0, true) === GLB_MAGIC) {
    const length = view.getUint32(12, true)
    if (view.getUint32(16, true) !== JSON_CHUNK || 20 + length > bytes.length) return undefined
    return new TextDecoder().decode(bytes.subarray(20, 20 + length))
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Problems with the files a glTF model refers to, given the model's own path (as written in the
 * scenario): every buffer and image URI must be a data: URI or a relative path that, resolved
 * beside the model, still obeys the scenario's path rule. Pure.
 */
export function checkGltfReferences(bytes: Uint8Array, modelPath: string): Problem[] {
  const text = gltfJson(bytes)
  const json = text === undefined ? undefined : parseJson(text)
  if (
    !json?.ok ||
    json.value === null ||
    typeof json.value !== 'object' ||
    Array.isArray(json.value)
  ) {
    return [problemAt([], 'file.notGltf')]
  }
  const folder = modelPath.includes('/') ? modelPath.slice(0, modelPath.lastIndexOf('/') + 1) : ''
  const problems: Problem[] = []
  for (const list of ['buffers', 'images'] as const) {
    const entries = json.value[list]
    if (!Array.isArray(entries)) continue
    entries.forEach((entry, i) => {
      const uri =
        entry !== null && typeof entry === 'object' && !Array.isArray(entry)
          ? entry['uri']
          : undefined
      if (typeof uri !== 'string' || uri.startsWith('data:')) return
      // the referenced file must pass the model path rule on its own, then resolved beside the model
      // (".glb" only satisfies the rule's extension clause)
      const why = checkModelPath(`${uri}.glb`) ?? checkModelPath(`${folder}${uri}.glb`)
      if (why !== undefined) problems.push(problemAt([list, i, 'uri'], why, { path: uri }))
    })
  }
  return problems
}
