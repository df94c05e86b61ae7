-- Questions asked about a video or a group, with the answer, the citations the answer used and its feedback.
-- Deleting a group deletes its history; deleting a video keeps video-scoped history (citations dangle gracefully).
CREATE TABLE chat_logs (
    id                   uuid PRIMARY KEY,
    owner_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id             uuid REFERENCES video_groups (id) ON DELETE CASCADE,
    video_id             uuid REFERENCES videos (id) ON DELETE SET NULL,
    origin               text NOT NULL CHECK (origin IN ('owner', 'share', 'api')),
    question             text NOT NULL,
    rewritten_question   text,
    answer               text NOT NULL,
    citations            jsonb NOT NULL DEFAULT '[]',
    model                text NOT NULL,
    latency_ms           integer NOT NULL CHECK (latency_ms >= 0),
    prompt_tokens        integer,
    completion_tokens    integer,
    feedback             text CHECK (feedback IN ('good', 'bad')),
    feedback_comment     text,
    feedback_token_hash  text NOT NULL,
    created_at           timestamptz NOT NULL
);
CREATE INDEX chat_logs_group_created_idx ON chat_logs (group_id, created_at DESC) WHERE group_id IS NOT NULL;
CREATE INDEX chat_logs_video_created_idx ON chat_logs (video_id, created_at DESC) WHERE video_id IS NOT NULL;
CREATE INDEX chat_logs_owner_created_idx ON chat_logs (owner_id, created_at DESC);
