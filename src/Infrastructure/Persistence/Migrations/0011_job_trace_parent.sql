-- The W3C traceparent of the request (or job) that enqueued a job, so the worker's run continues that trace: one
-- trace from the HTTP request through the outbox and Redis to the worker's SQL and AI calls. Null for jobs enqueued
-- outside any span (and for every job written before this version).
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS trace_parent text;
