-- Foundation schema. Table and column names follow Mastodon's where the concept is the same.

-- Time-ordered ids as Mastodon's: unix milliseconds << 16 | a 16-bit sequence.
CREATE OR REPLACE FUNCTION timestamp_id(table_name text) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
  SELECT (floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint << 16)
       | (nextval((table_name || '_id_seq')::regclass) & 65535);
$$;

CREATE SEQUENCE accounts_id_seq;
CREATE TABLE accounts (
    id                bigint PRIMARY KEY DEFAULT timestamp_id('accounts'),
    username          text NOT NULL,
    domain            text,                       -- NULL for local accounts
    display_name      text NOT NULL DEFAULT '',
    note              text NOT NULL DEFAULT '',
    uri               text NOT NULL DEFAULT '',
    url               text,
    inbox_url         text NOT NULL DEFAULT '',
    shared_inbox_url  text NOT NULL DEFAULT '',
    outbox_url        text NOT NULL DEFAULT '',
    followers_url     text NOT NULL DEFAULT '',
    public_key        text NOT NULL DEFAULT '',
    private_key       text,
    locked            boolean NOT NULL DEFAULT false,
    bot               boolean NOT NULL DEFAULT false,
    discoverable      boolean,
    suspended_at      timestamptz,
    silenced_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_accounts_on_username_and_domain_lower
    ON accounts (lower(username), COALESCE(lower(domain), ''));
CREATE INDEX index_accounts_on_uri ON accounts (uri) WHERE uri <> '';

CREATE TABLE account_stats (
    account_id       bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    statuses_count   bigint NOT NULL DEFAULT 0,
    following_count  bigint NOT NULL DEFAULT 0,
    followers_count  bigint NOT NULL DEFAULT 0,
    last_status_at   timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id                  bigserial PRIMARY KEY,
    account_id          bigint NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    email               text NOT NULL,
    encrypted_password  text NOT NULL,
    confirmed_at        timestamptz,
    confirmation_token  text UNIQUE,
    admin               boolean NOT NULL DEFAULT false,
    disabled            boolean NOT NULL DEFAULT false,
    approved            boolean NOT NULL DEFAULT true,
    locale              text,
    chosen_languages    text[],
    current_sign_in_at  timestamptz,
    last_sign_in_at     timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_users_on_email_lower ON users (lower(email));
CREATE INDEX index_users_on_current_sign_in_at ON users (current_sign_in_at);

CREATE TABLE oauth_applications (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL,
    uid           text NOT NULL UNIQUE,             -- client_id
    secret        text NOT NULL,                    -- client_secret
    redirect_uri  text NOT NULL,                    -- newline-separated, as Doorkeeper stores it
    scopes        text NOT NULL DEFAULT 'read',
    website       text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Authorization codes. Only a SHA-256 digest of each code is stored.
CREATE TABLE oauth_access_grants (
    id                     bigserial PRIMARY KEY,
    token_digest           text NOT NULL UNIQUE,
    resource_owner_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    application_id         bigint NOT NULL REFERENCES oauth_applications (id) ON DELETE CASCADE,
    expires_in             integer NOT NULL,
    redirect_uri           text NOT NULL,
    scopes                 text NOT NULL,
    code_challenge         text,
    code_challenge_method  text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    revoked_at             timestamptz
);

-- Access tokens never expire unless revoked (as Mastodon's). Only a SHA-256 digest is stored.
CREATE TABLE oauth_access_tokens (
    id                 bigserial PRIMARY KEY,
    token_digest       text NOT NULL UNIQUE,
    resource_owner_id  bigint REFERENCES users (id) ON DELETE CASCADE,   -- NULL for app-only tokens
    application_id     bigint REFERENCES oauth_applications (id) ON DELETE CASCADE,
    scopes             text NOT NULL,
    expires_in         integer,
    created_at         timestamptz NOT NULL DEFAULT now(),
    revoked_at         timestamptz,
    last_used_at       timestamptz
);
CREATE INDEX index_oauth_access_tokens_on_resource_owner_id ON oauth_access_tokens (resource_owner_id);

CREATE SEQUENCE statuses_id_seq;
-- visibility: 0 public, 1 unlisted, 2 private, 3 direct (Mastodon's enum).
CREATE TABLE statuses (
    id                      bigint PRIMARY KEY DEFAULT timestamp_id('statuses'),
    uri                     text,
    url                     text,
    text                    text NOT NULL DEFAULT '',
    spoiler_text            text NOT NULL DEFAULT '',
    sensitive               boolean NOT NULL DEFAULT false,
    visibility              integer NOT NULL DEFAULT 0,
    language                text,
    reply                   boolean NOT NULL DEFAULT false,
    in_reply_to_id          bigint,
    in_reply_to_account_id  bigint,
    reblog_of_id            bigint,
    account_id              bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    application_id          bigint,
    local                   boolean NOT NULL DEFAULT true,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    edited_at               timestamptz,
    deleted_at              timestamptz
);
CREATE UNIQUE INDEX index_statuses_on_uri ON statuses (uri) WHERE uri IS NOT NULL;
CREATE INDEX index_statuses_20190820 ON statuses (account_id, id DESC, visibility) WHERE deleted_at IS NULL;
CREATE INDEX index_statuses_public_20200119 ON statuses (id DESC, account_id)
    WHERE deleted_at IS NULL AND visibility = 0 AND reblog_of_id IS NULL
      AND (NOT reply OR in_reply_to_account_id = account_id);
CREATE INDEX index_statuses_on_in_reply_to_id ON statuses (in_reply_to_id) WHERE in_reply_to_id IS NOT NULL;

CREATE TABLE mentions (
    id          bigserial PRIMARY KEY,
    status_id   bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    silent      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_mentions_on_account_id_and_status_id ON mentions (account_id, status_id);
CREATE INDEX index_mentions_on_status_id ON mentions (status_id);

CREATE TABLE follows (
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
CREATE UNIQUE INDEX index_follows_on_account_id_and_target_account_id ON follows (account_id, target_account_id);
CREATE INDEX index_follows_on_target_account_id ON follows (target_account_id);
