// A file the user picked or dropped, as bytes for the engine's readers. Reads at most one byte
// more than the engine accepts: a huge file is refused by the engine's own size check, with its
// one wording, without the browser reading all of it into memory first.
import { MAX_FILE_BYTES } from '../core/index.ts'

/** The bytes of a file, cut one byte past the engine's limit. */
export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  const blob = file.size > MAX_FILE_BYTES ? file.slice(0, MAX_FILE_BYTES + 1) : file
  return new Uint8Array(await blob.arrayBuffer())
}
