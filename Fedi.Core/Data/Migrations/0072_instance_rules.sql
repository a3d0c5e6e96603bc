-- Server rules (Mastodon's rules table), shown by /api/v1/instance/rules and the instance entities, kept with
-- the `rules add|list|remove` command. Removal is soft, as Mastodon's, so ids are never reused.
CREATE TABLE rules (
    id          bigserial PRIMARY KEY,
    priority    integer NOT NULL DEFAULT 0,
    text        text NOT NULL,
    hint        text NOT NULL DEFAULT '',
    deleted_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
