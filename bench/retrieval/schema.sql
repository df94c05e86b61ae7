-- The app's schema (migrations applied by run.sh) as EmbeddingIndex.cs leaves it for a 1536-d model, plus what the
-- chosen plan needs (src/Infrastructure/Persistence/Search/VectorSearch.sql.md): the sign bits of each embedding as a
-- stored generated column, and a covering B-tree on (owner_id, video_id) carrying (id, embedding_bq), which replaces
-- scenes_owner_video_idx (same key). The HNSW index is built after the load (run.sh), as on a live install.
ALTER TABLE scenes ALTER COLUMN embedding TYPE vector(:dims);
ALTER TABLE scenes ADD COLUMN embedding_bq bit(:dims) GENERATED ALWAYS AS (binary_quantize(embedding)::bit(:dims)) STORED;
DROP INDEX scenes_owner_video_idx;
CREATE INDEX scenes_owner_video_bq_idx ON scenes (owner_id, video_id) INCLUDE (id, embedding_bq);
CREATE EXTENSION IF NOT EXISTS pg_prewarm;

-- The reference layout, as langchain-postgres creates it: one untyped vector column, jsonb metadata (with its GIN
-- jsonb_path_ops index, which an ->> filter cannot use), no ANN index. Filled from the same scenes by run.sh.
CREATE TABLE langchain_pg_collection (uuid uuid PRIMARY KEY, name varchar NOT NULL UNIQUE, cmetadata json);
CREATE TABLE langchain_pg_embedding (
    id            varchar PRIMARY KEY,
    collection_id uuid REFERENCES langchain_pg_collection (uuid) ON DELETE CASCADE,
    embedding     vector,
    document      varchar,
    cmetadata     jsonb
);
CREATE INDEX ix_cmetadata_gin ON langchain_pg_embedding USING gin (cmetadata jsonb_path_ops);
