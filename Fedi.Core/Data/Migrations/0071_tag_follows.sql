-- Followed hashtags (Mastodon's tag_follows): public posts carrying one reach the follower's home feed.
CREATE TABLE tag_follows (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    tag_id      bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_tag_follows_on_account_id_and_tag_id ON tag_follows (account_id, tag_id);
CREATE INDEX index_tag_follows_on_tag_id ON tag_follows (tag_id);
