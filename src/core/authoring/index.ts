// Authoring by recording: titles proposed from what the instructor did, and what the recorded run
// becomes in the scenario (steps, thresholds, hazards). Pure.
export * from './titles.ts'
export * from './recording.ts'
export * from './lineUp.ts'
