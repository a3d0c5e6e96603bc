-- Direct conversations as each participant sees them (Mastodon's account_conversations), keyed by the
-- account and the sorted ids of the other participants. Mastodon also keys by thread (conversation_id);
-- statuses have no thread column yet, so one conversation per set of participants.
CREATE TABLE account_conversations (
    id                       bigserial PRIMARY KEY,
    account_id               bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    participant_account_ids  bigint[] NOT NULL,
    status_ids               bigint[] NOT NULL DEFAULT '{}',
    last_status_id           bigint,
    unread                   boolean NOT NULL DEFAULT false,
    updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_account_conversations_on_account_and_participants
    ON account_conversations (account_id, participant_account_ids);
CREATE INDEX index_account_conversations_on_account_and_last_status
    ON account_conversations (account_id, last_status_id DESC);
