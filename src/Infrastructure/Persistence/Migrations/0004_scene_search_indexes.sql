-- askvideo:no-transaction
-- Indexes for lookups on tables that can be large on a live install, built without blocking writes.
-- Live jobs by type and payload (reprocess checks whether a video's processing job is still live: payload @> …).
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_live_payload_idx ON jobs USING gin (payload jsonb_path_ops)
    WHERE status IN ('pending', 'dispatched', 'running');
-- The transcript line at a moment of a video (citations, captions).
CREATE INDEX CONCURRENTLY IF NOT EXISTS transcript_segments_video_time_idx ON transcript_segments (video_id, start_ms);
