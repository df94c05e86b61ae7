-- AskVideo schema, part 3: transcripts, scenes and their search columns (SPEC §2, §4.2).
ALTER TABLE videos ADD COLUMN transcript_source text CHECK (transcript_source IN ('subtitles', 'embedded', 'asr', 'edit'));

-- The raw timed lines a video's scenes were made from (subtitles, an embedded track, speech recognition or an edit).
CREATE TABLE transcript_segments (
    video_id  uuid NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    position  integer NOT NULL CHECK (position >= 0),
    start_ms  bigint NOT NULL CHECK (start_ms >= 0),
    end_ms    bigint NOT NULL CHECK (end_ms >= start_ms),
    text      text NOT NULL,
    PRIMARY KEY (video_id, position)
);

-- Scenes: the unit of retrieval and citation. owner_id is denormalised so scoped searches filter without a join.
-- embedding is created without a dimension here: the embedding index setup (EmbeddingIndex.cs) fixes it to the
-- configured model's dimension and builds the HNSW index, and `reindex` changes both when the model changes.
CREATE TABLE scenes (
    id               uuid PRIMARY KEY,
    video_id         uuid NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    owner_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position         integer NOT NULL CHECK (position >= 0),
    start_ms         bigint NOT NULL CHECK (start_ms >= 0),
    end_ms           bigint NOT NULL CHECK (end_ms >= start_ms),
    text             text NOT NULL,
    token_count      integer NOT NULL CHECK (token_count >= 0),
    language         text,
    embedding        vector,
    embedding_model  text,
    -- English stemming by default; Japanese has no word breaks, so it is matched by trigrams instead (scenes_text_trgm_idx).
    search_vector    tsvector GENERATED ALWAYS AS (
        to_tsvector(CASE WHEN language LIKE 'ja%' THEN 'simple'::regconfig ELSE 'english'::regconfig END, text)) STORED,
    CONSTRAINT scenes_video_position_key UNIQUE (video_id, position)
);
CREATE INDEX scenes_owner_video_idx ON scenes (owner_id, video_id);
CREATE INDEX scenes_search_idx ON scenes USING gin (search_vector);
CREATE INDEX scenes_text_trgm_idx ON scenes USING gin (text gin_trgm_ops);
CREATE INDEX scenes_stale_embedding_idx ON scenes (id) WHERE embedding IS NULL;

-- Which embedding model the scene vectors come from (one row). The hosts refuse to start when the configured
-- model differs, until `AskVideo.Api reindex` has re-embedded every scene.
CREATE TABLE embedding_index (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    model       text NOT NULL,
    dimensions  integer NOT NULL CHECK (dimensions BETWEEN 1 AND 16000),
    state       text NOT NULL CHECK (state IN ('ready', 'reindexing')),
    updated_at  timestamptz NOT NULL
);
