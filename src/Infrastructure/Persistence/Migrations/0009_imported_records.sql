-- import-videoq: which row of another installation became which AskVideo entity, so a second run imports nothing
-- twice. No foreign key: the targets are of several kinds, and a mapping outlives a target its owner deleted (a re-run
-- must not bring it back).
CREATE TABLE imported_records (
    source       text NOT NULL,
    kind         text NOT NULL,
    source_id    text NOT NULL,
    target_id    uuid NOT NULL,
    imported_at  timestamptz NOT NULL,
    PRIMARY KEY (source, kind, source_id)
);
