// A learner ID is one learner in a class whatever its case ("s-12" is "S-12"): joins look it up
// case-blind, and this index makes two first joins of one ID in two cases at the same moment
// keep one learner (the second insert conflicts), where the primary key, which sees case, let
// both in. It also serves the join's case-blind lookup.
export const up = `
CREATE UNIQUE INDEX class_learners_learner_id_case
  ON class_learners (class_id, lower(learner_id));
`
