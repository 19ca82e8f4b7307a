// The catalogue of every problem code: each code's English text, with {{param}} placeholders
// (problemTemplates.ts). Codes are stable (screens translate them, the server will answer with
// them); the English text may improve. The app's translations live in
// src/view/i18n/locales/problems. Only the scenario checks reach this module: the codes the
// playing app meets, and their texts, are in fileProblemCodes.ts.
import { FILE_PROBLEM_TEXTS } from './fileProblemCodes.ts'
import { problemMaker } from './problems.ts'
import { ENGLISH_WORDS, fillTemplate, type ProblemParams } from './problemTemplates.ts'

export type { ProblemParams, ProblemWords } from './problemTemplates.ts'

/** The texts of the codes the scenario checks give (shape, meaning, expressions). */
export const CHECK_PROBLEM_TEXTS = {
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
  'shape.emptyState': 'a state may not be empty',
  'shape.twoStates': 'needs at least 2 states',
  'shape.competencyRef': 'must be a competency id, or {"id": …, "weight": …}, not {{got:value}}',
  'shape.oneLocale': 'needs at least one locale',
  'shape.oneComponent': 'needs at least one component',
  'shape.oneStep': 'needs at least one step',
  'shape.positiveWhole': 'must be a whole number of at least 1',
  'shape.lookParam':
    'must be a number, a string, true or false, or a list of numbers or of [x, y, z] points, not {{got:value}}',
  'shape.lookName':
    'must be a look name: lowercase words joined by dots, like "valve.gate" or "static.cabinet"',
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
  // looks, mounting, state names and views (checkLooks, spec amendment 1)
  'look.unknown': 'unknown look "{{look}}"{{near:suggestion}}; the looks are {{looks}}',
  'look.wrongKind':
    'the look "{{look}}" fits the kinds {{kinds}}, not "{{kind}}"; the looks that fit a {{kind}} are {{looks}}',
  'params.withoutLook': 'params belong to a look; give "look" too, or remove "params"',
  'params.tooMany': 'has {{count}} parameters; a look takes at most {{maximum}}',
  'params.unknown':
    'the look "{{look}}" has no parameter "{{key}}"{{near:suggestion}}; its parameters are {{keys}}',
  'params.none': 'the look "{{look}}" takes no parameters; remove "{{key}}"',
  'params.wrongType': '"{{key}}" must be {{expected:type}}, not {{got:type}}',
  'params.outOfRange': '"{{key}}" is {{value}}, outside [{{min}}, {{max}}]',
  'params.notWhole': '"{{key}}" must be a whole number, not {{value}}',
  'params.notChoice': '"{{key}}" must be one of {{choices}}, not "{{value}}"{{near:suggestion}}',
  'params.pointCount': '"{{key}}" takes {{min}} to {{max}} points, not {{count}}',
  'params.unknownComponent': '"{{key}}" names no component: "{{id}}"{{near:suggestion}}',
  'params.missing': 'the look "{{look}}" needs the parameter "{{key}}"',
  'parent.unknown': 'unknown component "{{id}}"{{near:suggestion}}',
  'parent.itself': 'a component cannot be its own parent',
  'parent.cycle': "{{ids}} are each other's parents in a cycle; one of them must sit on none",
  'stateLabels.notState': '"{{state}}" is not one of the states ({{states}}){{near:suggestion}}',
  'view.duplicate': 'the view id "{{id}}" is already used by {{earlier}}; view ids must be unique',
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
} as const

/** Every code's English text. */
export const PROBLEM_TEXTS = { ...FILE_PROBLEM_TEXTS, ...CHECK_PROBLEM_TEXTS }

export type ProblemCode = keyof typeof PROBLEM_TEXTS

/** Whether a string is one of the catalogue's codes. Pure. */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEM_TEXTS, code)
}

/** The English text of a problem. Pure. */
export function problemMessage(code: ProblemCode, params: ProblemParams): string {
  return fillTemplate(PROBLEM_TEXTS[code], params, ENGLISH_WORDS)
}

/** A problem of any code at `path`, its English text built from the whole catalogue. Pure. */
export const anyProblemAt = problemMaker<ProblemCode>(problemMessage)
