// The bundled scenarios as the index written when the app is built lists them
// (src/build/scenarioIndexPlugin.ts), so that the first visit downloads the index and only the one
// scenario file the learner starts.
import { scenarioIndex as built } from 'virtual:practica-scenario-index'
import type { IndexedScenario } from './scenarioCard.ts'

/** The bundled scenarios in file-name order. */
export const scenarioIndex: readonly IndexedScenario[] = built
