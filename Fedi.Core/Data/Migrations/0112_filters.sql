-- Keyword and status filters (Mastodon's custom_filters, custom_filter_keywords, custom_filter_statuses): applied
-- when a viewer reads statuses, never at fan-out, so a change applies to what was already delivered.
CREATE TABLE custom_filters (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title       text NOT NULL,
    context     text[] NOT NULL,
    action      text NOT NULL DEFAULT 'warn',
    expires_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX index_custom_filters_on_account_id ON custom_filters (account_id, id);

CREATE TABLE custom_filter_keywords (
    id                bigserial PRIMARY KEY,
    custom_filter_id  bigint NOT NULL REFERENCES custom_filters (id) ON DELETE CASCADE,
    keyword           text NOT NULL,
    whole_word        boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX index_custom_filter_keywords_on_custom_filter_id ON custom_filter_keywords (custom_filter_id, id);

CREATE TABLE custom_filter_statuses (
    id                bigserial PRIMARY KEY,
    custom_filter_id  bigint NOT NULL REFERENCES custom_filters (id) ON DELETE CASCADE,
    status_id         bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_custom_filter_statuses_on_filter_and_status ON custom_filter_statuses (custom_filter_id, status_id);
