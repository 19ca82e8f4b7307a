// Files from a drop or a file input, folders included (walked recursively), as bytes.
import { readFileBytes } from '../../state/fileBytes.ts'
import type { InputFile } from '../../state/reviewImport.ts'

async function readEntry(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(
      await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      ),
    )
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader()
    // readEntries gives at most 100 entries per call
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      )
      if (batch.length === 0) break
      for (const child of batch) await readEntry(child, out)
    }
  }
}

/** The JSON files of a drop, walking into dropped folders. */
export async function readDrop(data: DataTransfer): Promise<InputFile[]> {
  const files: File[] = []
  const entries = [...data.items]
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e)
  if (entries.length > 0) for (const e of entries) await readEntry(e, files)
  else files.push(...data.files)
  return toInputFiles(files)
}

/** The JSON files among the given ones, read as bytes (a huge one only as far as the engine needs). */
export async function toInputFiles(files: Iterable<File>): Promise<InputFile[]> {
  const json = [...files].filter((f) => f.name.toLowerCase().endsWith('.json'))
  return Promise.all(
    json.map(async (f) => ({
      name: f.webkitRelativePath || f.name,
      bytes: await readFileBytes(f),
    })),
  )
}
