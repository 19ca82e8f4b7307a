// The pure document-editing layer of the scenario editor: commands, undo history, references,
// renaming, the file writer and the starting template. Re-exported by src/core/index.ts.
export {
  applyCommand,
  isJsonEqual,
  EditError,
  type EditCommand,
  type JsonObject,
  type JsonPath,
} from './applyCommand.ts'
export { COLLECTIONS, type Collection } from './collections.ts'
export { createTemplate } from './createTemplate.ts'
export { findReferences, type Reference } from './findReferences.ts'
export {
  canRedo,
  canUndo,
  createHistory,
  pushCommand,
  redo,
  undo,
  type History,
  type HistoryEntry,
} from './history.ts'
export {
  getParentChoices,
  mountCommand,
  ownPose,
  toWorld,
  worldPose,
  type Pose,
  type Xyz,
} from './mounting.ts'
export { renameId } from './renameId.ts'
export { serializeScenario } from './serializeScenario.ts'
