// The editor's undo history: a document with the commands that made it and that undo them.
// Edits merge by an explicit mergeKey, never by a time window; nothing here knows of any UI.
import { applyCommand, isJsonEqual, type EditCommand, type JsonObject } from './applyCommand.ts'

/** One undo step: the command as recorded and the command that undoes it. */
export interface HistoryEntry {
  readonly command: EditCommand
  readonly inverse: EditCommand
  /** Set on an entry that came back by redo: later commands do not merge into it. */
  readonly sealed?: boolean
}

/** `past` and `future` are stacks: the last entry of each is the next to undo or redo. */
export interface History {
  readonly doc: JsonObject
  readonly past: readonly HistoryEntry[]
  readonly future: readonly HistoryEntry[]
}

/** A history of a document with nothing to undo or redo. Pure. */
export function createHistory(doc: JsonObject): History {
  return { doc, past: [], future: [] }
}

/**
 * Applies and records a command; a command that changes nothing is not recorded. If it has a
 * mergeKey equal to the last recorded command's mergeKey and nothing was undone since, the two
 * merge into one undo step that goes back to the state before the first. Pure.
 */
export function pushCommand(history: History, command: EditCommand): History {
  const { doc, inverse } = applyCommand(history.doc, command)
  if (doc === history.doc) return history
  const last = history.past[history.past.length - 1]
  const merge =
    last !== undefined &&
    last.sealed !== true &&
    history.future.length === 0 &&
    mergeKeyOf(command) !== undefined &&
    mergeKeyOf(last.command) === mergeKeyOf(command)
  const entry = merge ? mergeEntries(last, { command, inverse }) : { command, inverse }
  return {
    doc,
    past: merge ? [...history.past.slice(0, -1), entry] : [...history.past, entry],
    future: [],
  }
}

function mergeKeyOf(command: EditCommand): string | undefined {
  return command.kind === 'set' || command.kind === 'batch' ? command.mergeKey : undefined
}

function mergeEntries(first: HistoryEntry, second: HistoryEntry): HistoryEntry {
  const a = first.command
  const b = second.command
  // A later set of the same path replaces the earlier one, and the first's inverse still undoes
  // both; not with a deletion, since the pair can leave a created parent or a moved key behind.
  const sameSet =
    a.kind === 'set' &&
    b.kind === 'set' &&
    a.value !== undefined &&
    b.value !== undefined &&
    isJsonEqual([...a.path], [...b.path])
  if (sameSet) return { command: b, inverse: first.inverse }
  // an earlier merge is a batch without a label: extend it rather than nest it
  const extend = a.kind === 'batch' && a.label === undefined && first.inverse.kind === 'batch'
  return {
    command: {
      kind: 'batch',
      commands: extend ? [...a.commands, b] : [a, b],
      mergeKey: mergeKeyOf(b)!,
    },
    inverse: {
      kind: 'batch',
      commands:
        extend && first.inverse.kind === 'batch'
          ? [second.inverse, ...first.inverse.commands]
          : [second.inverse, first.inverse],
    },
  }
}

/** The history one step back; the same history when there is nothing to undo. Pure. */
export function undo(history: History): History {
  const entry = history.past[history.past.length - 1]
  if (entry === undefined) return history
  const { doc } = applyCommand(history.doc, entry.inverse)
  return { doc, past: history.past.slice(0, -1), future: [...history.future, entry] }
}

/** The history one step forward again; the same history when there is nothing to redo. Pure. */
export function redo(history: History): History {
  const entry = history.future[history.future.length - 1]
  if (entry === undefined) return history
  const { doc, inverse } = applyCommand(history.doc, entry.command)
  return {
    doc,
    past: [...history.past, { command: entry.command, inverse, sealed: true }],
    future: history.future.slice(0, -1),
  }
}

/** Whether there is a step to undo. Pure. */
export function canUndo(history: History): boolean {
  return history.past.length > 0
}

/** Whether there is a step to redo. Pure. */
export function canRedo(history: History): boolean {
  return history.future.length > 0
}
