// "Check solvable" off the main thread: the editor's solve action, so the editor stays responsive.
import type { JsonValue } from '../../core/index.ts'
import { solveDraft } from '../../state/solveDraft.ts'

self.onmessage = (e: MessageEvent<JsonValue>) => {
  self.postMessage(solveDraft(e.data))
}
