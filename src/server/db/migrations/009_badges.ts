// Open Badges 3.0 (issue 16 §5): the school's signing keys (the secret half sealed with AES-GCM
// under a key derived from the server's secret; one current, the retired ones kept so that their
// status lists can still be signed), the assessor's confirmation of an attempt's result (who and
// when), the credentials issued for it, and the Bitstring Status Lists that publish revocations
// (one list per key at a time, numbered in the URL). A learner or an attempt deleted takes its
// credentials along; their places in a status list are never given again.
export const up = `
CREATE TABLE badge_keys (
  id uuid PRIMARY KEY,
  did text NOT NULL UNIQUE,
  public_key text NOT NULL,
  sealed_secret text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  retired_at timestamptz
);
CREATE UNIQUE INDEX badge_keys_one_current ON badge_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
CREATE TABLE badge_status_lists (
  id integer PRIMARY KEY CHECK (id > 0),
  key_id uuid NOT NULL REFERENCES badge_keys (id),
  url text NOT NULL,
  length integer NOT NULL,
  next_index integer NOT NULL DEFAULT 0,
  credential jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE TABLE badge_confirmations (
  attempt_id uuid PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  confirmed_at timestamptz NOT NULL
);
CREATE TABLE badge_credentials (
  id uuid PRIMARY KEY,
  attempt_id uuid NOT NULL REFERENCES badge_confirmations (attempt_id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('scenario', 'competency')),
  achievement text NOT NULL,
  name text NOT NULL,
  names jsonb NOT NULL,
  key_id uuid NOT NULL REFERENCES badge_keys (id),
  list_id integer NOT NULL REFERENCES badge_status_lists (id),
  list_index integer NOT NULL,
  credential jsonb NOT NULL,
  issued_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (list_id, list_index)
);
CREATE INDEX badge_credentials_attempt ON badge_credentials (attempt_id);
CREATE INDEX badge_credentials_user ON badge_credentials (user_id);
`
