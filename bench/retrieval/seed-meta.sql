-- Seed, part 1: users, videos, groups and the cluster centres (the vectors themselves: seed-scenes.sql, in parallel).
-- Owner A (the first user) has :owner_videos (130) videos of 200 scenes: group "big" = :big (100) of them (20,000
-- scenes), group "small" = :small (10) others (2,000 scenes). :users - 1 (99) more users have :other_videos (19) videos
-- each of 60–140 scenes (~188k scenes). The defaults are SPEC §8's sizes; `bench/run.sh --quick` seeds a smaller set.
SELECT setseed(0.42);
CREATE TABLE bench_centres AS
  SELECT c, l2_normalize((SELECT array_agg((sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::real)
                          FROM generate_series(1, :dims) WHERE c >= 0)::vector(:dims)) AS v
  FROM generate_series(0, :clusters - 1) c;

CREATE TABLE bench_users AS SELECT u AS n, gen_random_uuid() AS id FROM generate_series(0, :users - 1) u;
INSERT INTO users (id, email, normalized_email, username, normalized_username, password_hash, created_at, updated_at)
SELECT id, 'u' || n || '@example.test', 'U' || n || '@EXAMPLE.TEST', 'u' || n, 'U' || n, 'x', now(), now() FROM bench_users;
CREATE TABLE bench_videos (id uuid PRIMARY KEY, owner_id uuid NOT NULL, owner_n int NOT NULL, v int NOT NULL,
                           scene_count int NOT NULL, topics int[] NOT NULL);
INSERT INTO bench_videos
SELECT gen_random_uuid(), u.id, u.n, v,
       CASE WHEN u.n = 0 THEN 200 ELSE 60 + floor(random() * 81)::int END,
       ARRAY[floor(random() * :clusters)::int, floor(random() * :clusters)::int, floor(random() * :clusters)::int]
FROM bench_users u CROSS JOIN LATERAL generate_series(0, CASE WHEN u.n = 0 THEN :owner_videos - 1 ELSE :other_videos - 1 END) v;
INSERT INTO videos (id, owner_id, title, original_file_name, content_type, size_bytes, storage_key, status, created_at, updated_at)
SELECT id, owner_id, 'video ' || owner_n || '/' || v, 'v.mp4', 'video/mp4', 1, 'k/' || id, 'ready', now(), now() FROM bench_videos;

CREATE TABLE bench_groups (name text PRIMARY KEY, id uuid NOT NULL, owner_id uuid NOT NULL);
INSERT INTO bench_groups SELECT 'big', gen_random_uuid(), id FROM bench_users WHERE n = 0;
INSERT INTO bench_groups SELECT 'small', gen_random_uuid(), id FROM bench_users WHERE n = 0;
INSERT INTO video_groups (id, owner_id, name, created_at, updated_at) SELECT id, owner_id, name, now(), now() FROM bench_groups;
INSERT INTO video_group_members (group_id, video_id, position, added_at)
SELECT g.id, bv.id, bv.v, now() FROM bench_videos bv JOIN bench_groups g ON g.name = 'big' WHERE bv.owner_n = 0 AND bv.v < :big
UNION ALL
SELECT g.id, bv.id, bv.v, now() FROM bench_videos bv JOIN bench_groups g ON g.name = 'small' WHERE bv.owner_n = 0 AND bv.v BETWEEN :big AND :big + :small - 1;
