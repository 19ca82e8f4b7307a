// Forwarding the LRS's statements to the school's own LRS (src/server/lrs/forward). One endpoint
// (the row with id 1) with its Basic credentials (the secret is never answered back), the
// forwarder's progress (how many delivered, the last failure, when to try next) and its lease:
// of the server processes sharing the database, only the one holding an unexpired lease sends.
// The outbox holds the statements still to send, by their storage order (lrs_statements.seq):
// each statement stored while an endpoint is configured is added by a trigger in the same
// transaction, so none is missed whatever stores it; a row leaves once the receiver has it. A
// statement the receiver refused as invalid stays, marked, and is passed over. `generation`
// grows when the endpoint changes: a batch sent to the old one cannot empty the new one's outbox.
export const up = `
CREATE TABLE lrs_forward (
  id integer PRIMARY KEY CHECK (id = 1),
  endpoint text NOT NULL,
  username text NOT NULL,
  secret text NOT NULL,
  paused boolean NOT NULL DEFAULT false,
  generation integer NOT NULL DEFAULT 1,
  delivered bigint NOT NULL DEFAULT 0,
  last_delivered_at timestamptz,
  failures integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error_status integer,
  last_error_message text,
  last_error_at timestamptz,
  lease_holder text,
  lease_until timestamptz,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);
CREATE TABLE lrs_outbox (
  seq bigint PRIMARY KEY,
  statement_id uuid NOT NULL REFERENCES lrs_statements (id) ON DELETE CASCADE,
  refused_status integer,
  refused_message text
);
CREATE FUNCTION lrs_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF EXISTS (SELECT 1 FROM lrs_forward) THEN INSERT INTO lrs_outbox (seq, statement_id) VALUES (NEW.seq, NEW.id) ON CONFLICT DO NOTHING; END IF; RETURN NEW; END $$;
CREATE TRIGGER lrs_outbox_enqueue AFTER INSERT ON lrs_statements FOR EACH ROW EXECUTE FUNCTION lrs_outbox_enqueue();
`
