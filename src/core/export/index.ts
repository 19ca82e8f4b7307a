// The exporters' public surface: results as JSON and CSV, xAPI statements, Moodle frameworks.
// Everything here is pure: text or data out, nothing written anywhere.
export type { ScoredAttempt } from './scoredAttempt.ts'
export {
  ACTIVITY_BASE_MAX,
  ACTIVITY_BASE_WORDS,
  activityBaseProblem,
  EXAMPLE_DOMAIN,
  normalActivityBase,
  scenarioActivityId,
  type ActivityBaseProblem,
} from './activityBase.ts'
export { exportResultJson } from './exportResultJson.ts'
export { EXPORT_FORMATS, formatScored, type ExportFormat } from './formatScored.ts'
export { exportResultsCsv } from './exportResultsCsv.ts'
export {
  exportXapi,
  XAPI_NAMESPACE,
  type XapiActivity,
  type XapiAgent,
  type XapiContext,
  type XapiLanguageMap,
  type XapiOptions,
  type XapiResult,
  type XapiStatement,
  type XapiVerb,
} from './exportXapi.ts'
export { exportMoodleFramework, MOODLE_FRAMEWORK_HEADER } from './exportMoodleFramework.ts'
export { isUuid, uuidV5, UUID_NAMESPACE_DNS, UUID_NAMESPACE_URL } from './uuidV5.ts'
