-- Polls attached to statuses (Mastodon's polls and poll_votes). Tallies live on the poll row, so a vote is one
-- UPDATE that adds to them in place; a voter's choices are one poll_votes row, whose primary key makes a second
-- vote by the same account fail however the requests race.
CREATE TABLE polls (
    id              bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id       bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    expires_at      timestamptz,
    options         text[] NOT NULL,
    cached_tallies  bigint[] NOT NULL,
    multiple        boolean NOT NULL DEFAULT false,
    hide_totals     boolean NOT NULL DEFAULT false,
    votes_count     bigint NOT NULL DEFAULT 0,
    voters_count    bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_polls_on_status_id ON polls (status_id);
CREATE INDEX index_polls_on_account_id ON polls (account_id);

CREATE TABLE poll_votes (
    poll_id     bigint NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    choices     integer[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (poll_id, account_id)
);
CREATE INDEX index_poll_votes_on_account_id ON poll_votes (account_id, poll_id);
