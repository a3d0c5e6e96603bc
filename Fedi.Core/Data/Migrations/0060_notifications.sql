-- Notifications (Mastodon's notifications table) and read markers (Mastodon's markers).

CREATE TABLE notifications (
    id                bigserial PRIMARY KEY,
    account_id        bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, -- the recipient
    from_account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    type              text NOT NULL,                                              -- mention, status, reblog, follow, …
    status_id         bigint REFERENCES statuses (id) ON DELETE CASCADE,
    group_key         text,                                                       -- favourite/reblog/follow only
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
-- One notification per event: a repeated follow, favourite or mention never notifies twice.
CREATE UNIQUE INDEX index_notifications_on_event
    ON notifications (type, account_id, from_account_id, (COALESCE(status_id, 0)));
CREATE INDEX index_notifications_on_account_id_and_id ON notifications (account_id, id DESC);
CREATE INDEX index_notifications_on_account_id_and_group_key ON notifications (account_id, group_key) WHERE group_key IS NOT NULL;

CREATE TABLE markers (
    account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    timeline      text NOT NULL,                 -- home, notifications
    last_read_id  bigint NOT NULL DEFAULT 0,
    lock_version  integer NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, timeline)
);
