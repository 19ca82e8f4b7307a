// The xAPI document resources (xAPI 1.0.3 Part Three 2.2, 2.3, 2.6, 2.7): State documents (an
// activity, an agent, a registration or none, a state id), Activity Profile documents (an
// activity, a profile id) and Agent Profile documents (an agent, a profile id), in one table. A
// column a kind does not use holds ''. The agent is its identifier alone (lrs/agents.ts
// agentKey). The document is kept as sent (bytes and content type); its ETag is the SHA-1 of
// the bytes, and `updated` when it was last stored (the Last-Modified header, `since`).
export const up = `
CREATE TABLE lrs_documents (
  kind text NOT NULL CHECK (kind IN ('state', 'activity-profile', 'agent-profile')),
  activity_id text NOT NULL,
  agent_key text NOT NULL,
  registration text NOT NULL,
  doc_id text NOT NULL,
  content bytea NOT NULL,
  content_type text NOT NULL,
  etag text NOT NULL,
  updated timestamptz NOT NULL,
  PRIMARY KEY (kind, activity_id, agent_key, registration, doc_id)
);
CREATE INDEX lrs_documents_agent ON lrs_documents (kind, agent_key, activity_id);
`
