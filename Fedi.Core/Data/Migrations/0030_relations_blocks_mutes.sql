-- Blocks, mutes and per-user domain blocks, as Mastodon's tables of the same names.

CREATE TABLE blocks (
    id                 bigserial PRIMARY KEY,
    account_id         bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    uri                text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_blocks_on_account_id_and_target_account_id ON blocks (account_id, target_account_id);
-- "who blocks me": the streaming filter and blocked_by read blocks by target.
CREATE INDEX index_blocks_on_target_account_id ON blocks (target_account_id);

CREATE TABLE mutes (
    id                  bigserial PRIMARY KEY,
    account_id          bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    hide_notifications  boolean NOT NULL DEFAULT true,
    expires_at          timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_mutes_on_account_id_and_target_account_id ON mutes (account_id, target_account_id);
CREATE INDEX index_mutes_on_target_account_id ON mutes (target_account_id);

CREATE TABLE account_domain_blocks (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    domain      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_account_domain_blocks_on_account_id_and_domain ON account_domain_blocks (account_id, domain);
