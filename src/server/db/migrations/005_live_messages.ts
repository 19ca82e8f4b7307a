// The instructor's live commands to an assignment's learners, kept on the server (never in an
// attempt's file): a message to one learner (`learner_id`) or to the whole class (NULL), and the
// command that ends the assignment now (`kind` 'end', to the class). Numbered per assignment under
// the assignment row's lock, so they commit in `seq` order with no gaps: a learner's stream that
// resumes after `seq` n reads what followed, nothing missed. A learner deleted takes theirs along.
export const up = `
CREATE TABLE live_messages (
  assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('message', 'end')),
  learner_id uuid REFERENCES users (id) ON DELETE CASCADE,
  text text NOT NULL CHECK (char_length(text) <= 500),
  sent_by uuid REFERENCES users (id) ON DELETE SET NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (assignment_id, seq)
);
CREATE INDEX live_messages_learner ON live_messages (learner_id, assignment_id);
`
