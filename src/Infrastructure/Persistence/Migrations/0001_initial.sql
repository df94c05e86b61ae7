-- AskVideo schema, part 1: extensions, accounts and the job outbox.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
    id                     uuid PRIMARY KEY,
    email                  text NOT NULL,
    normalized_email       text NOT NULL,
    username               text NOT NULL,
    normalized_username    text NOT NULL,
    password_hash          text NOT NULL,
    email_verified_at      timestamptz,
    is_active              boolean NOT NULL DEFAULT true,
    is_admin               boolean NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    video_limit            integer CHECK (video_limit >= 0),
    max_upload_bytes       bigint CHECK (max_upload_bytes > 0),
    preferred_language     text NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'ja')),
    llm_model              text,
    llm_temperature        double precision CHECK (llm_temperature BETWEEN 0 AND 2),
    openai_key_ciphertext  text,
    openai_key_last4       text,
    deletion_requested_at  timestamptz,
    CONSTRAINT users_normalized_email_key UNIQUE (normalized_email),
    CONSTRAINT users_normalized_username_key UNIQUE (normalized_username)
);

CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid NOT NULL,
    token_hash  text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE one_time_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
    token_hash  text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CONSTRAINT one_time_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose);

CREATE TABLE api_tokens (
    id              uuid PRIMARY KEY,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name            text NOT NULL,
    token_hash      text NOT NULL,
    display_prefix  text NOT NULL,
    scopes          text[] NOT NULL,
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    expires_at      timestamptz,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at DESC);

-- The outbox: one row per background job, written in the same transaction as its cause.
CREATE TABLE jobs (
    id            uuid PRIMARY KEY,
    type          text NOT NULL,
    payload       jsonb NOT NULL,
    status        text NOT NULL CHECK (status IN ('pending', 'dispatched', 'running', 'succeeded', 'failed', 'dead')),
    attempts      integer NOT NULL DEFAULT 0,
    max_attempts  integer NOT NULL,
    available_at  timestamptz NOT NULL,
    lease_until   timestamptz,
    last_error    text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz
);
CREATE INDEX jobs_pending_idx ON jobs (available_at) WHERE status = 'pending';
CREATE INDEX jobs_in_flight_idx ON jobs (status, updated_at) WHERE status IN ('dispatched', 'running');
CREATE INDEX jobs_dead_idx ON jobs (updated_at DESC) WHERE status IN ('dead', 'failed');
