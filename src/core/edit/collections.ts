// The lists of a scenario whose elements have ids. Apart from applyCommand.ts so that naming a
// problem's place (src/view/i18n/problemText.ts, in the learner's first download) does not bring
// the editing code with it.
/**
 * The lists of elements that have ids, in the order of the format. Their ids share one namespace:
 * an id is unique across all of them.
 */
export const COLLECTIONS = [
  'competencies',
  'components',
  'variables',
  'steps',
  'hazards',
  'judgements',
  'faults',
] as const
export type Collection = (typeof COLLECTIONS)[number]
