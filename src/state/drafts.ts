// Drafts of the scenario editor in IndexedDB: saved after every edit, listed newest first.
import { getDatabase, type Draft } from './database.ts'

export type { Draft }

export async function saveDraft(draft: Draft): Promise<void> {
  await (await getDatabase()).put('drafts', draft)
}

export async function loadDraft(id: string): Promise<Draft | undefined> {
  return (await getDatabase()).get('drafts', id)
}

/** Every draft, the most recently edited first. */
export async function listDrafts(): Promise<Draft[]> {
  return (await (await getDatabase()).getAllFromIndex('drafts', 'updatedAt')).reverse()
}

export async function deleteDraft(id: string): Promise<void> {
  await (await getDatabase()).delete('drafts', id)
}
