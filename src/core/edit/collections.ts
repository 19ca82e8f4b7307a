// The lists of a scenario whose elements have ids. Apart from applyCommand.ts so that naming a
// problem's place (src/view/i18n/problemText.ts, in the learner's first download) does not bring
// the editing code with it.
/** The lists of elements that have ids, in the order of the format. */
export const COLLECTIONS = [
  'components',
  'variables',
  'faults',
  'steps',
  'hazards',
  'judgements',
  'competencies',
] as const
export type Collection = (typeof COLLECTIONS)[number]
