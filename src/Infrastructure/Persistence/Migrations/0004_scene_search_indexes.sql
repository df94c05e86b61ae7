-- askvideo:no-transaction
-- Indexes for lookups on tables that can be large on a live install, built without blocking writes.
-- The live processing job of a video (reprocess and transcript edits check it).
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_live_process_video_idx ON jobs ((payload ->> 'videoId'))
    WHERE type = 'ProcessVideo' AND status IN ('pending', 'dispatched', 'running');
-- The transcript line at a moment of a video (citations, captions).
CREATE INDEX CONCURRENTLY IF NOT EXISTS transcript_segments_video_time_idx ON transcript_segments (video_id, start_ms);
