-- Every claim of a job gets its own token. Lease renewals and outcomes are conditional on it, so a worker that lost
-- its lease (another worker took the job over) can never renew or finish the new owner's run.
ALTER TABLE jobs ADD COLUMN lease_token uuid;

-- Reprocess looks for a live ProcessVideo job of one video by payload containment.
CREATE INDEX jobs_live_payload_idx ON jobs USING gin (payload jsonb_path_ops) WHERE status IN ('pending', 'dispatched', 'running');
