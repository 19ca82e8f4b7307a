// The file an editor session was opened from, where the browser can write it back (File System
// Access API). Kept outside the store: a handle is not data to save in a draft.
let current: FileSystemFileHandle | undefined

export function setEditorFile(handle: FileSystemFileHandle | undefined): void {
  current = handle
}

export function getEditorFile(): FileSystemFileHandle | undefined {
  return current
}
