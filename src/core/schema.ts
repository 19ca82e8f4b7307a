// The zod schemas of the three file formats (scenario, attempt, result): the single source of
// their TypeScript types and of the published JSON Schema. Structure only; meaning is checked
// in validateScenario.ts and the attempt loader.
import * as z from 'zod'

// no eval: the app runs under a CSP without 'unsafe-eval', and zod would otherwise probe for it
z.config({ jitless: true })

export const SCENARIO_FORMAT = 'practica.scenario/1'
export const ATTEMPT_FORMAT = 'practica.attempt/1'
export const RESULT_FORMAT = 'practica.result/1'

export const RESERVED_NAMES = ['time', 'fault', 'true', 'false', 'min', 'max', 'abs', 'clamp', 'if']

const NAME_ID = /^[a-z][a-z0-9_]{0,63}$/
const OTHER_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

const NameId = z.string().regex(NAME_ID, {
  error:
    'must start with a lowercase letter and use only a-z, 0-9 and _ (at most 64), so expressions can name it',
})
const OtherId = z.string().regex(OTHER_ID, {
  error: 'must use only letters, digits, _, . and - (at most 64), starting with a letter or digit',
})

const Text = z
  .union([z.string(), z.record(z.string(), z.string())], {
    error:
      'must be a text: a string, or an object from locale to string like {"en": "…", "zh-CN": "…"}',
  })
  .meta({ description: 'Localized text: a string in the default locale, or {locale: text}' })

const Expr = z
  .string({ error: 'must be an expression string' })
  .meta({ description: 'Expression (spec section 2)' })
const Vec3 = z.tuple([z.number(), z.number(), z.number()], {
  error: 'must be [x, y, z], three numbers',
})
const NonNegative = z.number().min(0, { error: 'must be 0 or more' })
const ModelPath = z.string().meta({
  description:
    'Path of a .glb/.gltf file relative to the scenario file, inside its folder or ../assets/',
})
const SetMap = z.record(z.string(), Expr).meta({
  description: 'Component or variable id → expression for its new value, applied in order',
})

const Effect = z.strictObject({ if: Expr.optional(), set: SetMap })
export type Effect = z.output<typeof Effect>

const ComponentCommon = {
  id: NameId,
  label: Text,
  position: Vec3.optional(),
  rotation: Vec3.optional().meta({ description: 'Degrees about x, y, z' }),
  scale: z.union([z.number().positive(), Vec3]).optional(),
  color: z.string().optional().meta({ description: 'CSS colour' }),
  model: ModelPath.optional(),
  lockable: z.boolean().optional(),
  taggable: z.boolean().optional(),
  on: z
    .record(z.string(), z.array(Effect))
    .optional()
    .meta({ description: 'Action name → effects run after that action succeeds' }),
}
const States = z
  .array(z.string().min(1, { error: 'a state may not be empty' }))
  .min(2, { error: 'needs at least 2 states' })

const stateful = <K extends string>(kind: K, states: z.ZodType<string[] | undefined>) =>
  z.strictObject({
    kind: z.literal(kind),
    ...ComponentCommon,
    states,
    initial: z.string().optional(),
  })

const Component = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('button'), ...ComponentCommon }),
    stateful('switch', States.optional()),
    stateful('selector', States),
    stateful('valve', States.optional()),
    stateful('breaker', States.optional()),
    stateful('door', States.optional()),
    z.strictObject({
      kind: z.literal('item'),
      ...ComponentCommon,
      initial: z.enum(['stored', 'worn']).optional(),
    }),
    z.strictObject({ kind: z.literal('lamp'), ...ComponentCommon, lit: Expr }),
    z.strictObject({
      kind: z.literal('gauge'),
      ...ComponentCommon,
      value: Expr,
      min: z.number().optional(),
      max: z.number().optional(),
      unit: z.string().optional(),
    }),
    z.strictObject({
      kind: z.literal('display'),
      ...ComponentCommon,
      value: Expr,
      unit: z.string().optional(),
      decimals: z.int().min(0).max(10).optional(),
    }),
    z.strictObject({ kind: z.literal('machine'), ...ComponentCommon, running: Expr }),
    z.strictObject({
      kind: z.literal('static'),
      ...ComponentCommon,
      label: Text.optional(),
      shape: z.enum(['box', 'cylinder', 'sphere']).optional(),
      size: z.union([z.number().positive(), Vec3]).optional(),
    }),
  ],
  {
    error:
      'kind must be one of button, switch, selector, valve, breaker, door, item, lamp, gauge, display, machine, static',
  },
)
export type Component = z.output<typeof Component>
export type ComponentKind = Component['kind']

const Competency = z.strictObject({
  id: OtherId,
  title: Text,
  framework: z.string().optional(),
  description: Text.optional(),
})
export type Competency = z.output<typeof Competency>

const Variable = z.strictObject({
  id: NameId,
  initial: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional(),
  rate: Expr.optional().meta({ description: 'Change per second, evaluated every tick' }),
})
export type Variable = z.output<typeof Variable>

const Rule = z.strictObject({ when: Expr, set: SetMap })
export type Rule = z.output<typeof Rule>

const ActionRef = z.strictObject({
  action: z.string(),
  target: z.string(),
  value: z.string().optional(),
})
export type ActionRef = z.output<typeof ActionRef>

const CompetencyRefs = z.array(z.string())
const WeightedCompetencyRefs = z.array(
  z.union([z.string(), z.strictObject({ id: z.string(), weight: NonNegative.optional() })], {
    error: 'must be a competency id, or {"id": …, "weight": …}',
  }),
)

const Step = z.strictObject({
  id: OtherId,
  title: Text,
  hint: Text.optional(),
  points: NonNegative.optional(),
  competencies: WeightedCompetencyRefs.optional(),
  after: z.array(z.string()).optional(),
  critical: z.boolean().optional(),
  action: ActionRef.optional(),
  state: Expr.optional(),
})
export type Step = z.output<typeof Step>

const Severity = z.enum(['critical', 'major', 'minor'])
export type Severity = z.output<typeof Severity>

const Hazard = z.strictObject({
  id: OtherId,
  title: Text,
  severity: Severity,
  when: Expr.optional(),
  action: ActionRef.optional(),
  penalty: NonNegative.optional(),
  competencies: CompetencyRefs.optional(),
})
export type Hazard = z.output<typeof Hazard>

const Judgement = z.strictObject({
  id: OtherId,
  title: Text,
  points: NonNegative,
  maxMark: z.int().min(1, { error: 'must be a whole number of at least 1' }).optional(),
  competencies: CompetencyRefs.optional(),
  guide: Text.optional(),
})
export type Judgement = z.output<typeof Judgement>

const Fault = z.strictObject({
  id: NameId,
  title: Text,
  chance: z.number().min(0).max(1),
  set: SetMap,
})
export type Fault = z.output<typeof Fault>

const Scoring = z.strictObject({
  passPercent: z.number().min(0).max(100).optional(),
  timeLimitSeconds: z.number().positive().optional(),
  endOnCritical: z.boolean().optional(),
  penalties: z
    .strictObject({
      outOfOrder: NonNegative.optional(),
      hint: NonNegative.optional(),
      unexpectedAction: NonNegative.optional(),
      blocked: NonNegative.optional(),
    })
    .optional(),
  levels: z
    .strictObject({
      competent: z.number().min(0).max(1).optional(),
      proficient: z.number().min(0).max(1).optional(),
    })
    .optional(),
})
export type Scoring = z.output<typeof Scoring>

const Scene = z.strictObject({
  camera: z
    .strictObject({ position: Vec3, target: Vec3, fov: z.number().gt(0).lt(180).optional() })
    .optional(),
  environment: z.enum(['workshop', 'outdoor', 'plain']).optional(),
  model: ModelPath.optional(),
})
export type Scene = z.output<typeof Scene>

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path of this JSON Schema, for editors' }),
    format: z.literal(SCENARIO_FORMAT, {
      error: `format must be "${SCENARIO_FORMAT}" (the only version this Practica supports)`,
    }),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
      error:
        'must use lowercase letters, digits and - (at most 64), starting with a letter or digit',
    }),
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, {
      error: 'must be a semantic version like 1.0.0',
    }),
    title: Text,
    description: Text.optional(),
    locales: z.array(z.string()).min(1, { error: 'needs at least one locale' }).optional(),
    industry: z.string().optional(),
    estimatedMinutes: z.number().positive().optional(),
    tags: z.array(z.string()).optional(),
    competencies: z.array(Competency),
    components: z.array(Component).min(1, { error: 'needs at least one component' }),
    variables: z.array(Variable).optional(),
    rules: z.array(Rule).optional(),
    steps: z.array(Step).min(1, { error: 'needs at least one step' }),
    hazards: z.array(Hazard).optional(),
    judgements: z.array(Judgement).optional(),
    faults: z.array(Fault).optional(),
    scoring: Scoring.optional(),
    simulation: z
      .strictObject({
        tickMs: z
          .int()
          .min(10, { error: 'must be at least 10' })
          .max(1000, { error: 'must be at most 1000' }),
      })
      .optional(),
    scene: Scene.optional(),
  })
  .meta({
    title: 'Practica scenario',
    description: 'A Practica training scenario, format version 1',
  })
export type Scenario = z.output<typeof ScenarioSchema>

/** The element schemas, for validating one element at a time when the whole file is broken. */
export const ElementSchemas = {
  competencies: Competency,
  components: Component,
  variables: Variable,
  rules: Rule,
  steps: Step,
  hazards: Hazard,
  judgements: Judgement,
  faults: Fault,
} as const

const AttemptEvent = z.strictObject({
  t: z
    .int({ error: 't must be a whole number of milliseconds' })
    .min(0, { error: 't may not be negative' }),
  action: z.string(),
  target: z.string().optional(),
  value: z.string().optional(),
})
export type AttemptEvent = z.output<typeof AttemptEvent>

const Mark = z.strictObject({
  mark: z.int().min(0).nullable(),
  assessor: z.string().optional(),
  at: z.string().optional(),
})
export type Mark = z.output<typeof Mark>

export const AttemptSchema = z.strictObject({
  format: z.literal(ATTEMPT_FORMAT, {
    error: `format must be "${ATTEMPT_FORMAT}" (the only version this Practica supports)`,
  }),
  id: z.string().min(1),
  scenario: z.strictObject({
    id: z.string(),
    version: z.string().optional(),
    sha256: z.string().optional(),
  }),
  learner: z.strictObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  mode: z.enum(['practice', 'assessment']),
  startedAt: z.string().optional(),
  faults: z.array(z.string()).optional(),
  events: z.array(AttemptEvent),
  judgements: z.record(z.string(), Mark.nullable()).optional(),
})
export type Attempt = z.output<typeof AttemptSchema>
export type Mode = Attempt['mode']

const EventRef = z.strictObject({ index: z.int().min(0), t: z.int().min(0) })

export const ResultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  attempt: z.string(),
  scenario: z.strictObject({ id: z.string(), version: z.string() }),
  status: z.enum(['passed', 'failed', 'pending']),
  passed: z.boolean(),
  score: z.strictObject({ raw: z.number(), max: z.number(), percent: z.number() }),
  durationMs: z.number(),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      complete: z.boolean(),
      outOfOrder: z.boolean(),
      t: z.number().nullable(),
      hints: z.int(),
      points: z.number(),
      earned: z.number(),
    }),
  ),
  hazards: z.array(z.strictObject({ id: z.string(), severity: Severity, t: z.number() })),
  unexpected: z.array(EventRef),
  blocked: z.array(EventRef),
  judgements: z.array(
    z.strictObject({
      id: z.string(),
      mark: z.int().nullable(),
      maxMark: z.int(),
      points: z.number(),
      earned: z.number(),
    }),
  ),
  faults: z.array(z.string()),
  warnings: z.array(z.string()),
  competencies: z.array(
    z.strictObject({
      id: z.string(),
      earned: z.number(),
      possible: z.number(),
      ratio: z.number(),
      level: z.enum(['not-assessed', 'not-yet-competent', 'competent', 'proficient']),
    }),
  ),
})
export type Result = z.output<typeof ResultSchema>
export type Status = Result['status']
export type Level = Result['competencies'][number]['level']
