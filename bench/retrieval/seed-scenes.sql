-- Seed, part 2: the scenes of the videos whose hash falls in this worker's share (:part of :parts), each a cluster
-- centre (one of its video's three topics) plus gaussian noise of norm ~:noise, normalised. Run in parallel.
SELECT setseed(0.1 + :part * 0.1);
INSERT INTO scenes (id, video_id, owner_id, position, start_ms, end_ms, text, token_count, language, embedding, embedding_model)
SELECT gen_random_uuid(), bv.id, bv.owner_id, p, p * 30000, p * 30000 + 29000,
       'scene ' || p || ' of video ' || bv.owner_n || '/' || bv.v || ' about topic ' || t.topic, 40, 'en',
       l2_normalize(c.v + (SELECT array_agg((:noise / sqrt(:dims) * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::real)
                           FROM generate_series(1, :dims) WHERE p >= 0)::vector(:dims)),
       'bench'
FROM bench_videos bv
CROSS JOIN LATERAL generate_series(0, bv.scene_count - 1) p
CROSS JOIN LATERAL (SELECT bv.topics[1 + floor(random() * 3)::int + 0 * p] AS topic) t
JOIN bench_centres c ON c.c = t.topic
WHERE abs(hashtext(bv.id::text)) % :parts = :part;
