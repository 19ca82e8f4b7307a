// The problem codes met reading a file or a record and scoring or running a scenario, with their
// English texts: the catalogue that the playing app downloads. The scenario checks' codes (shape,
// meaning, expressions) are in problemCodes.ts, which only the validators reach, so that the
// learner's first download does not carry their texts. Placeholders: problemTemplates.ts.
import { ENGLISH_WORDS, fillTemplate, type ProblemParams } from './problemTemplates.ts'

export const FILE_PROBLEM_TEXTS = {
  // reading a file
  'file.tooLarge':
    'the file is larger than {{megabytes}} MB; Practica files are far smaller, so this is not one',
  'file.notUtf8': 'the file is not UTF-8 text; save it as UTF-8',
  'file.notJson': 'not valid JSON: {{detail}}',
  'file.unreadable': 'cannot read it: {{reason}}',
  'file.notObject': 'a scenario file is a JSON object',
  'file.unknownFormat': 'not a Practica scenario, attempt or result file',
  'file.notGltf': 'not a glTF model (.glb or .gltf)',
  'import.scenarioMissing': 'no scenario "{{id}}" is loaded: add its scenario file to the import',
  'import.attemptMissing':
    'the attempt "{{id}}" of this result file was not imported, so its numbers cannot be checked',
  'shape.format': 'format must be "{{format}}" (the only version this Practica supports)',
  // a model file and the paths to it (modelPath.ts, gltfReferences.ts)
  'modelPath.url': '"{{path}}" must be a path relative to the scenario file, not a URL',
  'modelPath.absolute':
    '"{{path}}" must be a relative path with / between folders (no leading /, no \\)',
  'modelPath.extension': '"{{path}}" must name a .glb or .gltf file',
  'modelPath.characters': '"{{path}}" may use only letters, digits, spaces, ".", "_", "-" and "/"',
  'modelPath.leaves': '"{{path}}" leaves the allowed folders',
  'modelPath.outside':
    '"{{path}}" must stay inside the scenario\'s folder or the project\'s assets/ folder (../assets/…)',
  // attempts (attempt.ts)
  'attempt.otherScenario':
    'this attempt was recorded on scenario "{{id}}", not "{{expected}}"; score it with its own scenario file',
  'attempt.unknownFault': 'unknown fault "{{id}}"{{near:suggestion}}',
  'attempt.faultTwice': 'the fault "{{id}}" is listed twice',
  'attempt.unknownJudgement': 'unknown judgement "{{id}}"{{near:suggestion}}',
  'attempt.markRange': 'a mark must be 0 to {{max}}, not {{mark}}',
  'attempt.timeOrder':
    'event {{index}} is at {{t}} ms, before the event before it ({{previous}} ms); times must not decrease',
  'event.timeWhole': 't must be a whole number of milliseconds',
  'event.timeNegative': 't may not be negative',
  'event.unknownAction':
    'event {{index}} is invalid: unknown action "{{action}}"{{near:suggestion}}',
  'event.valueNotSet': 'event {{index}} is invalid: "value" is allowed only on "set"',
  'event.endTarget': 'event {{index}} is invalid: "end" has no target',
  'event.noTarget': 'event {{index}} is invalid: "{{action}}" needs a target',
  'event.hintInAssessment': 'event {{index}} is invalid: hints are not allowed in assessment mode',
  'event.unknownStep': 'event {{index}} is invalid: unknown step "{{id}}"{{near:suggestion}}',
  'event.unknownComponent':
    'event {{index}} is invalid: unknown component "{{id}}"{{near:suggestion}}',
  'event.notAccepted':
    'event {{index}} is invalid: "{{id}}" (a {{kind}}) does not accept "{{action}}"; it accepts {{actions}}',
  'event.setNoValue': 'event {{index}} is invalid: "set" needs the value set',
  'event.notState':
    'event {{index}} is invalid: "{{value}}" is not one of the states of "{{id}}" ({{states}})',
  // the scenario failed while it ran
  'scenario.runtime': '{{detail}}',
} as const

export type FileProblemCode = keyof typeof FILE_PROBLEM_TEXTS

/** The English text of a problem met reading a file or a record. Pure. */
export function fileProblemMessage(code: FileProblemCode, params: ProblemParams): string {
  return fillTemplate(FILE_PROBLEM_TEXTS[code], params, ENGLISH_WORDS)
}
