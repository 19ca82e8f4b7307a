// The catalogue of problem codes: each code's English text, with {{param}} placeholders.
// Codes are stable (screens translate them, the server will answer with them); the English
// text may improve. The app's translations live under "problems" in src/view/i18n/locales.
//
// A placeholder may name a filter: {{name:type}} says a type ("number" → "a number"),
// {{name:value}} says a JSON value summarised by `summarize`, and {{name:suggestion}} says
// ` (did you mean "x"?)`, or nothing when the param is empty.

export const PROBLEM_TEXTS = {
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
  // the shape of a file (checkShape)
  'shape.unknownField':
    'unknown field "{{field}}"{{near:suggestion}}; remove it, or name it "x-{{field}}" to keep it as an extension',
  'shape.missingField': 'missing required field "{{field}}"',
  'shape.wrongType': 'must be {{expected:type}}, not {{got:value}}',
  'shape.notValue': 'must be {{expected}}, not {{got:value}}{{near:suggestion}}',
  'shape.notOneOf': 'must be one of {{options}}, not {{got:value}}{{near:suggestion}}',
  'shape.unknownKind': 'unknown kind {{got}}{{near:suggestion}}; use one of {{options}}',
  'shape.tooFew': 'needs at least {{minimum}} {{unit}}',
  'shape.tooMany': 'may have at most {{maximum}} {{unit}}',
  'shape.tooSmall': 'must be at least {{minimum}}',
  'shape.notAbove': 'must be greater than {{minimum}}',
  'shape.tooBig': 'must be at most {{maximum}}',
  'shape.notBelow': 'must be less than {{maximum}}',
  'shape.either': 'must be {{a:type}} or {{b:type}}, not {{got:value}}',
  'shape.invalid': 'is not a value this field takes: {{got:value}}',
  'shape.other': '{{detail}}',
  'shape.text':
    'must be a text: a string, or an object from locale to string like {"en": "…", "zh-CN": "…"}, not {{got:value}}',
  'shape.expression': 'must be an expression string',
  'shape.vec3': 'must be [x, y, z], three numbers',
  'shape.nonNegative': 'must be 0 or more',
  'shape.nameId':
    'must start with a lowercase letter and use only a-z, 0-9 and _ (at most 64), so expressions can name it',
  'shape.otherId':
    'must use only letters, digits, _, . and - (at most 64), starting with a letter or digit',
  'shape.scenarioId':
    'must use lowercase letters, digits and - (at most 64), starting with a letter or digit',
  'shape.version': 'must be a semantic version like 1.0.0',
  'shape.format': 'format must be "{{format}}" (the only version this Practica supports)',
  'shape.emptyState': 'a state may not be empty',
  'shape.twoStates': 'needs at least 2 states',
  'shape.competencyRef': 'must be a competency id, or {"id": …, "weight": …}, not {{got:value}}',
  'shape.oneLocale': 'needs at least one locale',
  'shape.oneComponent': 'needs at least one component',
  'shape.oneStep': 'needs at least one step',
  'shape.positiveWhole': 'must be a whole number of at least 1',
  // the meaning of a scenario (validateScenario, checkTexts)
  'locale.malformed': '"{{locale}}" is not a language tag like "en" or "zh-CN"',
  'locale.twice': '"{{locale}}" is listed twice',
  'text.noDefault': 'has no text for the default locale "{{locale}}"',
  'text.unlisted':
    'the locale "{{locale}}" is not listed in "locales" ({{locales}}){{near:suggestion}}',
  'id.duplicate':
    'the id "{{id}}" is already used by {{earlier}}; ids must be unique in a scenario',
  'id.reserved': '"{{id}}" is a reserved word of expressions; choose another id',
  'levels.order': 'must not be higher than levels.proficient',
  'component.stateTwice': 'lists a state twice',
  'component.initialNotState':
    '"{{state}}" is not one of the states ({{states}}){{near:suggestion}}',
  'component.notLockable':
    'a {{kind}} cannot be locked; lock the switch, valve or breaker that feeds it',
  'component.notTaggable':
    'a {{kind}} cannot be tagged; tag the switch, valve or breaker that feeds it',
  'component.unknownAction':
    'a {{kind}} does not accept "{{action}}"; it accepts {{actions}}{{near:suggestion}}',
  'gauge.range': 'must be greater than min',
  'variable.range': 'must not be less than min',
  'variable.initialOutside': '{{initial}} is outside [{{min}}, {{max}}]',
  'modelPath.url': '"{{path}}" must be a path relative to the scenario file, not a URL',
  'modelPath.absolute':
    '"{{path}}" must be a relative path with / between folders (no leading /, no \\)',
  'modelPath.extension': '"{{path}}" must name a .glb or .gltf file',
  'modelPath.characters': '"{{path}}" may use only letters, digits, spaces, ".", "_", "-" and "/"',
  'modelPath.leaves': '"{{path}}" leaves the allowed folders',
  'modelPath.outside':
    '"{{path}}" must stay inside the scenario\'s folder or the project\'s assets/ folder (../assets/…)',
  'set.unknownName': 'unknown component or variable "{{name}}"{{near:suggestion}}',
  'set.derived':
    '"{{name}}" is a {{kind}}: its value is derived from its expression, so it cannot be set',
  'set.stateless': '"{{name}}" is a {{kind}}: it has no state, so it cannot be set',
  'set.notState':
    '"{{value}}" is not one of the states of "{{name}}" ({{states}}){{near:suggestion}}',
  'set.noStateFits':
    '"{{name}}" has the states {{states}}, but this expression can only give {{values}}, so setting it would stop the scenario',
  'display.decimalsOnText':
    'decimals apply to a number, but this display shows {{got:type}}; remove "decimals" or show a number',
  'ref.unknownComponent': 'unknown component "{{id}}"{{near:suggestion}}',
  'ref.notLockable': '"{{id}}" is not {{flag}}; add "{{flag}}": true to it to allow "{{action}}"',
  'ref.unknownAction':
    'a {{kind}} does not accept "{{action}}"; "{{id}}" accepts {{actions}}{{near:suggestion}}',
  'ref.valueWithoutSet': 'a value is given only with "set"',
  'ref.notState':
    '"{{value}}" is not one of the states of "{{id}}" ({{states}}){{near:suggestion}}',
  'ref.unknownCompetency':
    'unknown competency "{{id}}"{{near:suggestion}}; add it to "competencies" first',
  'step.actionOrState':
    'a step needs exactly one of "action" (done by a learner act) and "state" (done when the equipment is in a state)',
  'step.afterItself': 'a step cannot come after itself',
  'step.unknown': 'unknown step "{{id}}"{{near:suggestion}}',
  'step.cycle': 'steps {{ids}} wait for each other in a cycle, so none can ever be ready',
  'hazard.whenOrAction':
    'a hazard needs exactly one of "when" (an unsafe state) and "action" (a forbidden act)',
  'derived.cycle': '{{ids}} are derived from each other in a cycle',
  // expressions (expr/check, validateScenario)
  'expr.syntax': 'column {{column}}: {{detail}}',
  'expr.faultWithoutId': 'column {{column}}: write fault.<id> to ask whether a fault is active',
  'expr.unknownFault': 'column {{column}}: unknown fault "{{name}}"{{near:suggestion}}',
  'expr.timeField': 'column {{column}}: "time" has no fields',
  'expr.variableField': 'column {{column}}: the variable "{{name}}" has no field "{{member}}"',
  'expr.unknownName': 'column {{column}}: unknown name "{{name}}"{{near:suggestion}}',
  'expr.notFlagged': 'column {{column}}: "{{name}}" is not {{flag}}, so it has no "{{member}}"',
  'expr.unknownMember':
    'column {{column}}: "{{name}}.{{member}}" is not a name; a component has only .locked and .tagged{{near:suggestion}}',
  'expr.noValue': 'column {{column}}: "{{name}}" is a {{kind}} and has no value to read',
  'expr.operand': 'column {{column}}: {{op}} needs {{want:type}}, but this is {{got:type}}',
  'expr.ifCondition':
    'column {{column}}: the condition of if() needs a boolean, but this is {{got:type}}',
  'expr.booleanOrder':
    'column {{column}}: {{op}} compares two numbers or two strings, not booleans',
  'expr.mixedCompare':
    'column {{column}}: {{op}} compares {{left:type}} with {{right:type}}; both sides must be the same type',
  'expr.arityOne': 'column {{column}}: {{fn}}() takes 1 argument, not {{got}}',
  'expr.arity': 'column {{column}}: {{fn}}() takes {{expected}} arguments, not {{got}}',
  'expr.noArguments': 'column {{column}}: {{fn}}() needs at least one argument',
  'expr.ifBranches':
    'column {{column}}: both branches of if() must have the same type, but one is {{left:type}} and the other {{right:type}}',
  'expr.unknownFunction':
    'column {{column}}: unknown function "{{fn}}"{{near:suggestion}}; the functions are {{functions}}',
  'expr.wrongResult': 'must be {{want:type}}, but this expression gives {{got:type}}',
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

export type ProblemCode = keyof typeof PROBLEM_TEXTS

/** The values a problem's text is built from. Lists are already joined with ", ". */
export type ProblemParams = Readonly<Record<string, string | number>>

/** Words the filters say, in one language. */
export interface ProblemWords {
  /** Type names: number, string, boolean, condition, array, object, int. */
  readonly types: Readonly<Record<string, string>>
  /** JSON values: text, number, boolean (each with {{v}}), null, list, object. */
  readonly values: Readonly<Record<string, string>>
  /** The did-you-mean suffix, with {{v}}. */
  readonly suggestion: string
}

/** The English words of the filters. */
export const ENGLISH_WORDS: ProblemWords = {
  types: {
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean',
    trueOrFalse: 'true or false',
    condition: 'a condition (true or false)',
    array: 'a list',
    tuple: 'a list',
    object: 'an object',
    record: 'an object',
    int: 'a whole number',
  },
  values: {
    text: 'the text {{v}}',
    number: 'the number {{v}}',
    boolean: 'boolean {{v}}',
    null: 'null',
    list: 'a list',
    object: 'an object',
  },
  suggestion: ' (did you mean "{{v}}"?)',
}

const PLACEHOLDER = /{{(\w+)(?::(\w+))?}}/g

/** Whether a string is one of the catalogue's codes. Pure. */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEM_TEXTS, code)
}

/**
 * A JSON value as a param for the `value` filter: strings quoted (long ones cut), numbers and
 * booleans as written, lists and objects as `[]` and `{}`. Pure.
 */
export function summarize(input: unknown): string {
  if (Array.isArray(input)) return '[]'
  if (input !== null && typeof input === 'object') return '{}'
  if (typeof input === 'string')
    return JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)
  return String(input)
}

function sayValue(v: string, words: ProblemWords): string {
  // a function, not a string, as the replacement: the value may hold `$&` and the like
  const fill = (text: string | undefined) => (text ?? v).replace('{{v}}', () => v)
  if (v === '[]') return fill(words.values['list'])
  if (v === '{}') return fill(words.values['object'])
  if (v === 'null') return fill(words.values['null'])
  if (v.startsWith('"')) return fill(words.values['text'])
  if (v === 'true' || v === 'false') return fill(words.values['boolean'])
  return fill(words.values['number'])
}

/** Fills a template's placeholders from params, saying filtered ones with `words`. Pure. */
export function fillTemplate(template: string, params: ProblemParams, words: ProblemWords): string {
  return template.replace(PLACEHOLDER, (whole, name: string, filter: string | undefined) => {
    const raw = params[name]
    if (raw === undefined) return filter === 'suggestion' ? '' : whole
    const v = String(raw)
    if (filter === 'type') return words.types[v] ?? v
    if (filter === 'value') return sayValue(v, words)
    if (filter === 'suggestion') return v === '' ? '' : words.suggestion.replace('{{v}}', () => v)
    return v
  })
}

/** The names of the params a template uses. Pure. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

/** The English text of a problem. Pure. */
export function problemMessage(code: ProblemCode, params: ProblemParams): string {
  return fillTemplate(PROBLEM_TEXTS[code], params, ENGLISH_WORDS)
}
