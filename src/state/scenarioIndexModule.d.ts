// The module src/build/scenarioIndexPlugin.ts writes when the app is built or served.
declare module 'virtual:practica-scenario-index' {
  import type { IndexedScenario } from './scenarioCard.ts'

  export const scenarioIndex: readonly IndexedScenario[]
}
