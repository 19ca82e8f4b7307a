// The live class view: each assignment's live updates (one row per change a learner made, the
// row's `seq` is the Server-Sent Events id a stream resumes from) and its head (the last `seq`
// given, and the instructor's idle setting). Updates are numbered per assignment under the head's
// row lock, so they commit in `seq` order with no gaps: a stream that resumes after `seq` n and
// reads n + 1, n + 2 … has missed nothing. Rows older than a day are pruned.
export const up = `
CREATE TABLE live_heads (
  assignment_id uuid PRIMARY KEY REFERENCES assignments (id) ON DELETE CASCADE,
  seq bigint NOT NULL DEFAULT 0,
  idle_minutes integer CHECK (idle_minutes IS NULL OR (idle_minutes >= 1 AND idle_minutes <= 600))
);

CREATE TABLE live_updates (
  assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (assignment_id, seq)
);
CREATE INDEX live_updates_at ON live_updates (at);
`
