// The engine's public surface. Code outside src/core imports the engine only from here.
export { checkAttempt, checkEvent } from './attempt.ts'
export { checkAttemptShape, loadAttempt } from './attemptFile.ts'
export { checkShape } from './checkShape.ts'
export { parseExpression, type Ast, type ExprError } from './expr/parse.ts'
export { checkExpression, type ExprType } from './expr/check.ts'
export {
  isJsonObject,
  parseJson,
  readJsonFile,
  MAX_FILE_BYTES,
  MAX_DEPTH,
  type JsonValue,
} from './json.ts'
export {
  COMPONENT_KINDS,
  DERIVED_KINDS,
  KINDS,
  STATEFUL_KINDS,
  getActions,
  getKindInfo,
  getStates,
  type KindInfo,
} from './kinds.ts'
export { loadScenario, loadScenarioJson } from './loadScenario.ts'
export { loadCheckedScenario } from './loadCheckedScenario.ts'
export {
  compileScenario,
  SCENARIO_DEFAULTS,
  type Model,
  type ComponentModel,
  type StepModel,
  type HazardModel,
} from './model.ts'
export { checkModelPath, resolveModelPath } from './modelPath.ts'
export {
  formatPath,
  formatProblem,
  isAt,
  isUnder,
  problemAt,
  refuse,
  type Outcome,
  type PathSegment,
  type FileProblemCode,
  type Problem,
  type ProblemCode,
  type ProblemParams,
} from './problems.ts'
export { anyProblemAt, PROBLEM_TEXTS } from './problemCodes.ts'
export {
  ENGLISH_WORDS,
  fillTemplate,
  summarize,
  templateParams,
  type ProblemWords,
} from './problemTemplates.ts'
export * from './formats.ts'
export * from './recordSchemas.ts'
export * from './schema.ts'
export {
  getNextStep,
  getStepStatus,
  getWaitingFor,
  isStepReady,
  type StepStatus,
} from './progress.ts'
export { createReplayer, replayAttempt, replayTo, type Replayer } from './replay.ts'
export { scoreAttempt, getResult, getWarnings } from './scoring.ts'
export { ExpressionCache } from './scope.ts'
export { sha256Hex } from './sha256.ts'
export {
  createStart,
  step,
  applyInput,
  cloneState,
  ScenarioRuntimeError,
  type SimState,
  type SimInput,
  type EventOutcome,
  type EventClass,
  type EndReason,
  type Trigger,
} from './simulation.ts'
export { solve, type SolveBlock, type SolveOutcome } from './solve.ts'
export { findTrivialSteps, type TrivialSteps } from './trivialSteps.ts'
export { scoreExample, type ExampleScore, type Slips } from './exampleScore.ts'
export {
  readExprForm,
  writeExprForm,
  type Comparison,
  type ExprForm,
  type ExprTerm,
} from './exprForm.ts'
export { FIELD_NAMES } from './fieldNames.ts'
export { findMissingTexts, type MissingText } from './missingTexts.ts'
export { validateScenario, type ValidateOptions } from './validateScenario.ts'
export { MAX_LOOK_PARAMS, type LooksCheck } from './checkLooks.ts'
export { getScenarioJsonSchema } from './jsonSchema.ts'
export * from './edit/index.ts'
export * from './export/index.ts'
export * from './authoring/index.ts'
export { checkGltfReferences } from './gltfReferences.ts'
export { getLocalText, toLanguageMap, type Text } from './text.ts'
export {
  LOOKS,
  LOOK_NAME,
  LOOK_NAMES,
  getLook,
  getLookParam,
  getLooksForKind,
  type LookInfo,
  type LookName,
  type LookParam,
} from './looks.ts'
