// The editor's background solver off the main thread (solveRunner.ts starts one per change and
// ends it when a newer change comes), so the editor stays responsive.
import type { JsonValue } from '../../core/index.ts'
import { solveDraft } from '../../state/solveDraft.ts'

self.onmessage = (e: MessageEvent<JsonValue>) => {
  self.postMessage(solveDraft(e.data))
}
