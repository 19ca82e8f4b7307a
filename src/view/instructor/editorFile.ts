// The file an editor session was opened from, where the browser can write it back (File System
// Access API), and reading it as a document to edit. The handle is kept outside the store: a
// handle is not data to save in a draft.
import {
  detectFormat,
  isJsonObject,
  readJsonFile,
  refuse,
  SCENARIO_FORMAT,
  wrongFormat,
  type JsonObject,
  type Outcome,
} from '../../core/index.ts'

/**
 * A file's bytes as a document to edit: the engine's `readJsonFile`, then a JSON object that is
 * not an attempt or result file. The scenario itself may still be invalid: the editor shows why.
 */
export function readEditorDoc(bytes: Uint8Array): Outcome<JsonObject> {
  const json = readJsonFile(bytes)
  if (!json.ok) return json
  if (!isJsonObject(json.value)) return refuse('file.notObject')
  const format = detectFormat(json.value)
  if (format === 'attempt' || format === 'result') return wrongFormat(SCENARIO_FORMAT)
  return { ok: true, value: json.value }
}

let current: FileSystemFileHandle | undefined

export function setEditorFile(handle: FileSystemFileHandle | undefined): void {
  current = handle
}

export function getEditorFile(): FileSystemFileHandle | undefined {
  return current
}
