-- Private notes on other accounts (Mastodon's account_notes) and the posting defaults of a user (Mastodon's
-- user settings: default_privacy, default_sensitive, default_language).

CREATE TABLE account_notes (
    id                 bigserial PRIMARY KEY,
    account_id         bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    comment            text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_account_notes_on_account_id_and_target_account_id ON account_notes (account_id, target_account_id);

ALTER TABLE users ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb; -- {"default_privacy","default_sensitive","default_language"}
