-- Fills the reference (langchain-postgres) table with the same scenes, metadata in jsonb.
INSERT INTO langchain_pg_collection VALUES (gen_random_uuid(), 'scenes', '{}');
INSERT INTO langchain_pg_embedding
SELECT s.id::text, c.uuid, s.embedding::vector, s.text,
       jsonb_build_object('user_id', s.owner_id, 'video_id', s.video_id, 'position', s.position,
                          'start_ms', s.start_ms, 'end_ms', s.end_ms, 'language', s.language)
FROM scenes s CROSS JOIN langchain_pg_collection c;
