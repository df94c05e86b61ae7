-- Query vectors drawn like the data: a random cluster centre (any of the :clusters, so some queries are about topics a
-- group does not hold) plus gaussian noise of norm ~:noise, normalised. :queries per scope.
DROP TABLE IF EXISTS bench_queries;
SELECT setseed(0.7);
CREATE TABLE bench_queries AS
SELECT g.name AS scope, q, l2_normalize(c.v + (SELECT array_agg((:noise / sqrt(:dims) * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::real)
                                                FROM generate_series(1, :dims) WHERE q >= 0)::vector(:dims)) AS v
FROM bench_groups g CROSS JOIN generate_series(1, :queries) q
CROSS JOIN LATERAL (SELECT floor(random() * :clusters)::int + 0 * q AS c) pick
JOIN bench_centres c ON c.c = pick.c;
