// Published scenarios (the exact bytes, so their SHA-256 stays the one attempts record),
// assignments, attempts with their events, and the results the server scored.
export const up = `
CREATE TABLE scenarios (
  id text NOT NULL,
  version text NOT NULL,
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  title jsonb NOT NULL,
  published_by uuid REFERENCES users (id) ON DELETE SET NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE assignments (
  id uuid PRIMARY KEY,
  class_id uuid NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
  scenario_id text NOT NULL,
  scenario_version text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('practice', 'assessment')),
  opens_at timestamptz,
  closes_at timestamptz,
  max_attempts integer CHECK (max_attempts IS NULL OR max_attempts > 0),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  FOREIGN KEY (scenario_id, scenario_version) REFERENCES scenarios (id, version)
);
CREATE INDEX assignments_class ON assignments (class_id);

CREATE TABLE attempts (
  id uuid PRIMARY KEY,
  assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  header jsonb NOT NULL,
  judgements jsonb NOT NULL DEFAULT '{}',
  next_seq integer NOT NULL DEFAULT 0,
  ended boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attempts_assignment ON attempts (assignment_id);
CREATE INDEX attempts_user ON attempts (user_id);

CREATE TABLE attempt_events (
  attempt_id uuid NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (attempt_id, seq)
);

CREATE TABLE results (
  attempt_id uuid PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  result jsonb NOT NULL,
  scored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE judgement_audit (
  id serial PRIMARY KEY,
  attempt_id uuid NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  judgement text NOT NULL,
  old_mark integer,
  new_mark integer,
  by_user uuid REFERENCES users (id) ON DELETE SET NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX judgement_audit_attempt ON judgement_audit (attempt_id);
`
