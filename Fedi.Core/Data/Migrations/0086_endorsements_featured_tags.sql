-- Accounts a user endorses on their profile (Mastodon's account_pins).
CREATE TABLE account_pins (
    id                 bigserial PRIMARY KEY,
    account_id         bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_account_pins_on_account_id_and_target_account_id ON account_pins (account_id, target_account_id);
CREATE INDEX index_account_pins_on_target_account_id ON account_pins (target_account_id);

-- Hashtags a user features on their profile; counts are read live from the account's statuses.
CREATE TABLE featured_tags (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    tag_id      bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_featured_tags_on_account_id_and_tag_id ON featured_tags (account_id, tag_id);
