-- One row per sign-in (refresh-token family). A refresh locks its family row and rotates only while it is not revoked;
-- a revocation marks the family first. So a rotation racing a revocation can never leave a live token behind.
CREATE TABLE session_families (
    id                 uuid PRIMARY KEY,
    user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at         timestamptz NOT NULL,
    last_refreshed_at  timestamptz,
    revoked_at         timestamptz
);
CREATE INDEX session_families_user_idx ON session_families (user_id) WHERE revoked_at IS NULL;

-- Families of existing sessions: revoked when every token of theirs is.
INSERT INTO session_families (id, user_id, created_at, revoked_at)
SELECT family_id, (array_agg(user_id))[1], min(created_at),
       CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
FROM refresh_tokens
GROUP BY family_id;

ALTER TABLE refresh_tokens
    ADD CONSTRAINT refresh_tokens_family_id_fkey FOREIGN KEY (family_id) REFERENCES session_families (id) ON DELETE CASCADE;
