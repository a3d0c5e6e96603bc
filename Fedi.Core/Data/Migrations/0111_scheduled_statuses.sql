-- Posts to publish later (Mastodon's scheduled_statuses): the post's parameters as the client sent them, kept as
-- JSON until the worker publishes them through the normal posting path and deletes the row.
CREATE TABLE scheduled_statuses (
    id            bigserial PRIMARY KEY,
    account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    scheduled_at  timestamptz NOT NULL,
    params        jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX index_scheduled_statuses_on_account_id ON scheduled_statuses (account_id, id);
CREATE INDEX index_scheduled_statuses_on_scheduled_at ON scheduled_statuses (scheduled_at);
