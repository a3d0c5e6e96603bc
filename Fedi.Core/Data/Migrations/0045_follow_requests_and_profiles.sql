-- Shared by the client API (locked accounts, profile editing) and federation (pending remote follows,
-- remote profiles): follow requests, and the profile columns Mastodon's accounts table has beyond the foundation's.

CREATE TABLE follow_requests (
    id                 bigserial PRIMARY KEY,
    account_id         bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    show_reblogs       boolean NOT NULL DEFAULT true,
    notify             boolean NOT NULL DEFAULT false,
    languages          text[],
    uri                text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_follow_requests_on_account_id_and_target_account_id
    ON follow_requests (account_id, target_account_id);
CREATE INDEX index_follow_requests_on_target_account_id ON follow_requests (target_account_id, id DESC);

ALTER TABLE accounts
    ADD COLUMN fields               jsonb NOT NULL DEFAULT '[]'::jsonb, -- [{"name","value","verified_at"}]
    ADD COLUMN indexable            boolean NOT NULL DEFAULT false,
    ADD COLUMN hide_collections     boolean,
    ADD COLUMN actor_type           text,                               -- Person, Service, Application, Group
    ADD COLUMN following_url        text NOT NULL DEFAULT '',
    ADD COLUMN featured_collection_url text,
    ADD COLUMN avatar_remote_url    text,
    ADD COLUMN header_remote_url    text,
    ADD COLUMN last_webfingered_at  timestamptz,
    ADD COLUMN moved_to_account_id  bigint REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX index_accounts_on_domain ON accounts (lower(domain)) WHERE domain IS NOT NULL;
