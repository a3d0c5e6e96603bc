-- Interactions with statuses (Mastodon's favourites, bookmarks, status_pins, conversation_mutes,
-- status_stats, status_edits) and the thread column conversation mutes need.

-- Counters kept apart from statuses so that a favourite updates one small row (Mastodon's status_stats).
CREATE TABLE status_stats (
    status_id         bigint PRIMARY KEY REFERENCES statuses (id) ON DELETE CASCADE,
    replies_count     bigint NOT NULL DEFAULT 0,
    reblogs_count     bigint NOT NULL DEFAULT 0,
    favourites_count  bigint NOT NULL DEFAULT 0,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Replies already posted keep their count.
INSERT INTO status_stats (status_id, replies_count)
SELECT in_reply_to_id, count(*) FROM statuses
WHERE in_reply_to_id IS NOT NULL AND deleted_at IS NULL
  AND in_reply_to_id IN (SELECT id FROM statuses)
GROUP BY in_reply_to_id;

CREATE TABLE favourites (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id   bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_favourites_on_account_id_and_status_id ON favourites (account_id, status_id);
CREATE INDEX index_favourites_on_account_id_and_id ON favourites (account_id, id);
CREATE INDEX index_favourites_on_status_id ON favourites (status_id, id);

CREATE TABLE bookmarks (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id   bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_bookmarks_on_account_id_and_status_id ON bookmarks (account_id, status_id);
CREATE INDEX index_bookmarks_on_status_id ON bookmarks (status_id);

CREATE TABLE status_pins (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id   bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_status_pins_on_account_id_and_status_id ON status_pins (account_id, status_id);

-- A reblog is a status row wrapping its original; one live reblog per account and original.
CREATE INDEX index_statuses_on_reblog_of_id_and_account_id ON statuses (reblog_of_id, account_id)
    WHERE reblog_of_id IS NOT NULL;
CREATE UNIQUE INDEX index_statuses_on_live_reblog ON statuses (account_id, reblog_of_id)
    WHERE reblog_of_id IS NOT NULL AND deleted_at IS NULL;

-- The thread a status belongs to: the id of its root (Mastodon's conversation_id names a conversations row;
-- here the root's id serves, as nothing else describes a thread yet).
ALTER TABLE statuses ADD COLUMN conversation_id bigint;
WITH RECURSIVE thread AS (
    SELECT id, id AS root FROM statuses WHERE in_reply_to_id IS NULL
    UNION ALL
    SELECT s.id, t.root FROM statuses s JOIN thread t ON s.in_reply_to_id = t.id
)
UPDATE statuses s SET conversation_id = thread.root FROM thread WHERE thread.id = s.id;
UPDATE statuses SET conversation_id = id WHERE conversation_id IS NULL;
CREATE INDEX index_statuses_on_conversation_id ON statuses (conversation_id);

CREATE TABLE conversation_mutes (
    id               bigserial PRIMARY KEY,
    account_id       bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    conversation_id  bigint NOT NULL
);
CREATE UNIQUE INDEX index_conversation_mutes_on_account_id_and_conversation_id
    ON conversation_mutes (account_id, conversation_id);

-- Earlier versions of edited statuses, oldest first (Mastodon's status_edits).
CREATE TABLE status_edits (
    id            bigserial PRIMARY KEY,
    status_id     bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    text          text NOT NULL DEFAULT '',
    spoiler_text  text NOT NULL DEFAULT '',
    sensitive     boolean NOT NULL DEFAULT false,
    language      text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX index_status_edits_on_status_id ON status_edits (status_id, id);
