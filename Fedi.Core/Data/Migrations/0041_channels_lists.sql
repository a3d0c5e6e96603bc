-- Lists (Mastodon's lists / list_accounts). replies_policy: 0 list, 1 followed, 2 none.
-- A member must be followed by the owner: follow_id ties the membership to that follow, so unfollowing
-- removes the account from the owner's lists, as in Mastodon.
CREATE TABLE lists (
    id              bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title           text NOT NULL,
    replies_policy  integer NOT NULL DEFAULT 0,
    exclusive       boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX index_lists_on_account_id ON lists (account_id);

CREATE TABLE list_accounts (
    id          bigserial PRIMARY KEY,
    list_id     bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    follow_id   bigint REFERENCES follows (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_list_accounts_on_account_id_and_list_id ON list_accounts (account_id, list_id);
CREATE INDEX index_list_accounts_on_list_id_and_account_id ON list_accounts (list_id, account_id);
CREATE INDEX index_list_accounts_on_follow_id ON list_accounts (follow_id) WHERE follow_id IS NOT NULL;
