-- AskVideo schema, part 2: videos, tags and groups.
CREATE TABLE videos (
    id                  uuid PRIMARY KEY,
    owner_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title               text NOT NULL,
    description         text,
    original_file_name  text NOT NULL,
    content_type        text NOT NULL,
    size_bytes          bigint NOT NULL CHECK (size_bytes >= 0),
    storage_key         text NOT NULL,
    subtitles_key       text,
    thumbnail_key       text,
    duration_seconds    double precision,
    width               integer,
    height              integer,
    language            text,
    status              text NOT NULL CHECK (status IN ('uploaded', 'queued', 'processing', 'ready', 'failed')),
    stage               text CHECK (stage IN ('transcribing', 'splitting', 'indexing')),
    progress            integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    error_code          text,
    error_message       text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    processed_at        timestamptz
);
CREATE INDEX videos_owner_created_idx ON videos (owner_id, created_at DESC, id DESC);
CREATE INDEX videos_owner_title_idx ON videos (owner_id, lower(title), id);
CREATE INDEX videos_search_trgm_idx ON videos USING gin ((lower(title || ' ' || coalesce(description, ''))) gin_trgm_ops);

CREATE TABLE tags (
    id               uuid PRIMARY KEY,
    owner_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name             text NOT NULL,
    normalized_name  text NOT NULL,
    color            text NOT NULL,
    created_at       timestamptz NOT NULL,
    CONSTRAINT tags_owner_name_key UNIQUE (owner_id, normalized_name)
);

CREATE TABLE video_tags (
    video_id  uuid NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    tag_id    uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (video_id, tag_id)
);
CREATE INDEX video_tags_tag_idx ON video_tags (tag_id);

CREATE TABLE video_groups (
    id                uuid PRIMARY KEY,
    owner_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name              text NOT NULL,
    description       text,
    share_token_hash  text,
    shared_at         timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT video_groups_share_token_hash_key UNIQUE (share_token_hash)
);
CREATE INDEX video_groups_owner_idx ON video_groups (owner_id, created_at DESC);

CREATE TABLE video_group_members (
    group_id  uuid NOT NULL REFERENCES video_groups (id) ON DELETE CASCADE,
    video_id  uuid NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    added_at  timestamptz NOT NULL,
    PRIMARY KEY (group_id, video_id)
);
CREATE INDEX video_group_members_video_idx ON video_group_members (video_id);
