// The start of the packaged AU: its config and scenario (files beside the page, by relative
// URLs), then the LMS session of the package's kind; the store is told what it can show.
import { loadCheckedScenario, type Model } from '../core/index.ts'
import { digestSha256 } from '../state/digest.ts'
import { CONFIG_FILE, parseConfig, SCENARIO_FILE, type PackageConfig } from './config.ts'
import type { LmsSession } from './lmsSession.ts'
import type { PackageProblem, PackageStore } from './packageStore.ts'
import { findScorm12Api, openScorm12 } from './scorm12.ts'

async function fetchBytes(url: URL): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** The package's config and the compiled scenario (checked when the package was made). */
async function loadPackage(
  base: URL,
): Promise<{ config: PackageConfig; model: Model } | undefined> {
  try {
    const config = parseConfig(
      new TextDecoder().decode(await fetchBytes(new URL(CONFIG_FILE, base))),
    )
    const bytes = await fetchBytes(new URL(SCENARIO_FILE, base))
    return config && { config, model: loadCheckedScenario(bytes, await digestSha256(bytes)) }
  } catch {
    return undefined
  }
}

async function openSession(
  config: PackageConfig,
  model: Model,
): Promise<LmsSession | PackageProblem> {
  if (config.kind === 'scorm12') {
    const opened = await openScorm12(findScorm12Api(), () => performance.now())
    return opened === 'no-lms' ? 'no-lms' : opened === 'refused' ? 'lms-refused' : opened
  }
  const { openCmi5 } = await import('./cmi5.ts')
  return openCmi5(model)
}

/** Loads the package at `base` and opens its LMS session; the store shows the outcome. */
export async function bootPackage(store: PackageStore, base: URL): Promise<void> {
  const loaded = await loadPackage(base)
  if (!loaded) return store.getState().fail('scenario-unreadable')
  const session = await openSession(loaded.config, loaded.model)
  if (typeof session === 'string') return store.getState().fail(session)
  // a launch that does not count (SCORM's browse, cmi5's Browse and Review) is for practice
  store.getState().ready(loaded.model, session.credit ? loaded.config.mode : 'practice', session)
}
