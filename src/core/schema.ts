// The zod schema of the scenario format: the single source of the scenario's TypeScript types
// and of the published JSON Schema (the attempt and result formats are in recordSchemas.ts, the
// identifiers of all three in formats.ts). Structure only; meaning is checked in
// validateScenario.ts and the attempt loader. zod's functional API (`zod/mini`) keeps what the
// app downloads small. Its `error`s are problem codes (problemCodes.ts), said by checkShape.ts.
import * as z from 'zod/mini'
import { SCENARIO_FORMAT } from './formats.ts'
import { LOOK_NAME } from './looks.ts'

// no eval: the app runs under a CSP without 'unsafe-eval', and zod would otherwise probe for it
z.config({ jitless: true })

/** `schema`, described for the published JSON Schema. */
function described<S extends z.ZodMiniType>(schema: S, description: string): S {
  z.globalRegistry.add(schema, { description })
  return schema
}

export const RESERVED_NAMES = ['time', 'fault', 'true', 'false', 'min', 'max', 'abs', 'clamp', 'if']

const NAME_ID = /^[a-z][a-z0-9_]{0,63}$/
const OTHER_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

const NameId = z.string().check(
  z.regex(NAME_ID, {
    error: 'shape.nameId',
  }),
)
const OtherId = z.string().check(
  z.regex(OTHER_ID, {
    error: 'shape.otherId',
  }),
)

const Text = described(
  z.union([z.string(), z.record(z.string(), z.string())], {
    error: 'shape.text',
  }),
  'Localized text: a string in the default locale, or {locale: text}',
)

const Expr = described(z.string({ error: 'shape.expression' }), 'Expression (spec section 2)')
const Vec3 = z.tuple([z.number(), z.number(), z.number()], {
  error: 'shape.vec3',
})
const NonNegative = z.number().check(z.minimum(0, { error: 'shape.nonNegative' }))
const Positive = z.number().check(z.positive())
const Fraction = z.number().check(z.minimum(0), z.maximum(1))
const ModelPath = described(
  z.string(),
  'Path of a .glb/.gltf file relative to the scenario file, inside its folder or ../assets/',
)
const SetMap = described(
  z.record(z.string(), Expr),
  'Component or variable id → expression for its new value, applied in order',
)

const LookParamValue = z.union(
  [z.number(), z.string(), z.boolean(), z.array(z.number()), z.array(Vec3)],
  { error: 'shape.lookParam' },
)
/**
 * A look's name: any name of the form, which a tool that only scores accepts; validation checks it
 * against the catalogue where a tool draws (checkLooks.ts), and the published JSON Schema offers
 * the catalogue's names as completions (jsonSchema.ts).
 */
export const LookNameSchema = z.string().check(z.regex(LOOK_NAME, { error: 'shape.lookName' }))
// at most 32 keys: said by validation (checkLooks.ts), and to editors by `maxProperties`
const LookParams = z.record(z.string(), LookParamValue).register(z.globalRegistry, {
  description:
    'Parameters of the look (at most 32): numbers, strings, booleans, lists of numbers or of [x, y, z] points; checked per look by a tool that draws (src/core/looks.ts)',
  maxProperties: 32,
})
const StateLabels = described(
  z.optional(z.record(z.string(), Text)),
  'State value → the name a learner sees for it (spec amendment 1)',
)

const Effect = z.strictObject({ if: z.optional(Expr), set: SetMap })
export type Effect = z.output<typeof Effect>

const ComponentCommon = {
  id: NameId,
  label: Text,
  position: z.optional(Vec3),
  rotation: described(z.optional(Vec3), 'Degrees about x, y, z'),
  scale: z.optional(z.union([Positive, Vec3])),
  color: described(z.optional(z.string()), 'CSS colour'),
  model: z.optional(ModelPath),
  look: described(
    z.optional(LookNameSchema),
    "A look of the catalogue (src/core/looks.ts), drawn instead of the kind's default shape (spec amendment 1)",
  ),
  params: z.optional(LookParams),
  parent: described(
    z.optional(NameId),
    "Id of the component whose frame this one's position, rotation and scale are in",
  ),
  lockable: z.optional(z.boolean()),
  taggable: z.optional(z.boolean()),
  on: described(
    z.optional(z.record(z.string(), z.array(Effect))),
    'Action name → effects run after that action succeeds',
  ),
}
const States = z
  .array(z.string().check(z.minLength(1, { error: 'shape.emptyState' })))
  .check(z.minLength(2, { error: 'shape.twoStates' }))

const stateful = <K extends string>(kind: K, states: z.ZodMiniType<string[] | undefined>) =>
  z.strictObject({
    kind: z.literal(kind),
    ...ComponentCommon,
    states,
    initial: z.optional(z.string()),
    stateLabels: StateLabels,
  })

const Component = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('button'), ...ComponentCommon }),
    stateful('switch', z.optional(States)),
    stateful('selector', States),
    stateful('valve', z.optional(States)),
    stateful('breaker', z.optional(States)),
    stateful('door', z.optional(States)),
    z.strictObject({
      kind: z.literal('item'),
      ...ComponentCommon,
      initial: z.optional(z.enum(['stored', 'worn'])),
      stateLabels: StateLabels,
    }),
    z.strictObject({ kind: z.literal('lamp'), ...ComponentCommon, lit: Expr }),
    z.strictObject({
      kind: z.literal('gauge'),
      ...ComponentCommon,
      value: Expr,
      min: z.optional(z.number()),
      max: z.optional(z.number()),
      unit: z.optional(z.string()),
    }),
    z.strictObject({
      kind: z.literal('display'),
      ...ComponentCommon,
      value: Expr,
      unit: z.optional(z.string()),
      decimals: z.optional(z.int().check(z.minimum(0), z.maximum(10))),
    }),
    z.strictObject({ kind: z.literal('machine'), ...ComponentCommon, running: Expr }),
    z.strictObject({
      kind: z.literal('static'),
      ...ComponentCommon,
      label: z.optional(Text),
      shape: z.optional(z.enum(['box', 'cylinder', 'sphere'])),
      size: z.optional(z.union([Positive, Vec3])),
    }),
  ],
  {
    error: 'shape.unknownKind',
  },
)
export type Component = z.output<typeof Component>
export type ComponentKind = Component['kind']

const Competency = z.strictObject({
  id: OtherId,
  title: Text,
  framework: z.optional(z.string()),
  description: z.optional(Text),
})
export type Competency = z.output<typeof Competency>

const Variable = z.strictObject({
  id: NameId,
  initial: z.number(),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  unit: z.optional(z.string()),
  rate: described(z.optional(Expr), 'Change per second, evaluated every tick'),
})
export type Variable = z.output<typeof Variable>

const Rule = z.strictObject({ when: Expr, set: SetMap })
export type Rule = z.output<typeof Rule>

const ActionRef = z.strictObject({
  action: z.string(),
  target: z.string(),
  value: z.optional(z.string()),
})
export type ActionRef = z.output<typeof ActionRef>

const CompetencyRefs = z.array(z.string())
const WeightedCompetencyRefs = z.array(
  z.union([z.string(), z.strictObject({ id: z.string(), weight: z.optional(NonNegative) })], {
    error: 'shape.competencyRef',
  }),
)

const Step = z.strictObject({
  id: OtherId,
  title: Text,
  hint: z.optional(Text),
  points: z.optional(NonNegative),
  competencies: z.optional(WeightedCompetencyRefs),
  after: z.optional(z.array(z.string())),
  critical: z.optional(z.boolean()),
  action: z.optional(ActionRef),
  state: z.optional(Expr),
})
export type Step = z.output<typeof Step>

export const Severity = z.enum(['critical', 'major', 'minor'])
export type Severity = z.output<typeof Severity>

const Hazard = z.strictObject({
  id: OtherId,
  title: Text,
  severity: Severity,
  when: z.optional(Expr),
  action: z.optional(ActionRef),
  penalty: z.optional(NonNegative),
  competencies: z.optional(CompetencyRefs),
})
export type Hazard = z.output<typeof Hazard>

const Judgement = z.strictObject({
  id: OtherId,
  title: Text,
  points: NonNegative,
  maxMark: z.optional(z.int().check(z.minimum(1, { error: 'shape.positiveWhole' }))),
  competencies: z.optional(CompetencyRefs),
  guide: z.optional(Text),
})
export type Judgement = z.output<typeof Judgement>

const Fault = z.strictObject({
  id: NameId,
  title: Text,
  chance: Fraction,
  set: SetMap,
})
export type Fault = z.output<typeof Fault>

const Scoring = z.strictObject({
  passPercent: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  timeLimitSeconds: z.optional(Positive),
  endOnCritical: z.optional(z.boolean()),
  penalties: z.optional(
    z.strictObject({
      outOfOrder: z.optional(NonNegative),
      hint: z.optional(NonNegative),
      unexpectedAction: z.optional(NonNegative),
      blocked: z.optional(NonNegative),
    }),
  ),
  levels: z.optional(
    z.strictObject({
      competent: z.optional(Fraction),
      proficient: z.optional(Fraction),
    }),
  ),
})
export type Scoring = z.output<typeof Scoring>

const Scene = z.strictObject({
  camera: z.optional(
    z.strictObject({
      position: Vec3,
      target: Vec3,
      fov: z.optional(z.number().check(z.gt(0), z.lt(180))),
    }),
  ),
  environment: z.optional(z.enum(['workshop', 'outdoor', 'plain'])),
  model: z.optional(ModelPath),
  views: described(
    z.optional(
      z.array(
        z.strictObject({
          // "the pattern of other ids" (spec amendment 1): a view may repeat a component's id,
          // and may be named like a step ("pump-skid", "panel.front")
          id: OtherId,
          title: Text,
          position: Vec3,
          target: Vec3,
          fov: z.optional(z.number().check(z.gt(0), z.lt(180))),
        }),
      ),
    ),
    'Named viewpoints the learner can jump to; ids unique among the views (spec amendment 1)',
  ),
})
export type Scene = z.output<typeof Scene>
/** The scene's schema, for reading it on its own when the whole file is broken. */
export const SceneSchema = Scene

export const ScenarioSchema = z
  .strictObject({
    $schema: described(z.optional(z.string()), 'Path of this JSON Schema, for editors'),
    format: z.literal(SCENARIO_FORMAT, {
      error: 'shape.format',
    }),
    id: z.string().check(
      z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
        error: 'shape.scenarioId',
      }),
    ),
    version: z.string().check(
      z.regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, {
        error: 'shape.version',
      }),
    ),
    title: Text,
    description: z.optional(Text),
    locales: z.optional(z.array(z.string()).check(z.minLength(1, { error: 'shape.oneLocale' }))),
    industry: z.optional(z.string()),
    estimatedMinutes: z.optional(Positive),
    tags: z.optional(z.array(z.string())),
    competencies: z.array(Competency),
    components: z.array(Component).check(z.minLength(1, { error: 'shape.oneComponent' })),
    variables: z.optional(z.array(Variable)),
    rules: z.optional(z.array(Rule)),
    steps: z.array(Step).check(z.minLength(1, { error: 'shape.oneStep' })),
    hazards: z.optional(z.array(Hazard)),
    judgements: z.optional(z.array(Judgement)),
    faults: z.optional(z.array(Fault)),
    scoring: z.optional(Scoring),
    simulation: z.optional(
      z.strictObject({
        tickMs: z.int().check(z.minimum(10), z.maximum(1000)),
      }),
    ),
    scene: z.optional(Scene),
  })
  .register(z.globalRegistry, {
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
