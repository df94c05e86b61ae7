-- askvideo:no-transaction
-- Indexes on tables that can be large on a live install, built without blocking writes.
-- The transcript line at a moment of a video (citations, captions).
CREATE INDEX CONCURRENTLY IF NOT EXISTS transcript_segments_video_time_idx ON transcript_segments (video_id, start_ms);
-- Scenes whose vector is missing or from another model, which `reindex` walks in id order.
CREATE INDEX CONCURRENTLY IF NOT EXISTS scenes_embedding_model_idx ON scenes (embedding_model, id);
