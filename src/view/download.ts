// Saving a file the app made to the learner's disk, through the browser's download.

/** Offers `data` as a JSON file named `name` (two-space indentation, final newline). */
export function downloadJson(name: string, data: unknown): void {
  downloadText(name, JSON.stringify(data, null, 2) + '\n', 'application/json')
}

/** Offers a text as a file named `name`. */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }))
}

/** Offers any file content (a zip, say) as a file named `name`. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name safe on every system, from parts like a scenario id and a learner id. */
export function fileName(...parts: string[]): string {
  return parts
    .filter(Boolean)
    .join('-')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
}
