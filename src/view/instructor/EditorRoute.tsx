import './editor.css'
import type { EditorStore } from '../../state/editorStore.ts'
import { EditorHome } from './EditorHome.tsx'
import { EditorScreen } from './EditorScreen.tsx'
import { getEditorFile } from './editorFile.ts'

export interface EditorRouteProps {
  /** The open editor, or none for the editor's home. */
  readonly store: EditorStore | undefined
}

/** The instructor's screens, loaded as their own chunk only when opened. */
export function EditorRoute({ store }: EditorRouteProps) {
  return store ? <EditorScreen store={store} fileHandle={getEditorFile()} /> : <EditorHome />
}
