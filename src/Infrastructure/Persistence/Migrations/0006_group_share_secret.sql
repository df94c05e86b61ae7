-- The share token encrypted at rest (AES-GCM, like users' OpenAI keys), so owners can copy their link again.
-- Guests are still matched by share_token_hash; the plaintext is never stored.
ALTER TABLE video_groups ADD COLUMN share_token_ciphertext text;
CREATE INDEX video_group_members_position_idx ON video_group_members (group_id, position);
