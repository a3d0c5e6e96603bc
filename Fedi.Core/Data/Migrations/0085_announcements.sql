-- Announcements by the server's admins (Mastodon's announcements), which users dismiss and react to with emoji.
CREATE TABLE announcements (
    id            bigserial PRIMARY KEY,
    text          text NOT NULL,
    starts_at     timestamptz,
    ends_at       timestamptz,
    all_day       boolean NOT NULL DEFAULT false,
    published_at  timestamptz NOT NULL DEFAULT now(),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Dismissed announcements (Mastodon's announcement_mutes).
CREATE TABLE announcement_mutes (
    account_id       bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    announcement_id  bigint NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, announcement_id)
);

CREATE TABLE announcement_reactions (
    account_id       bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    announcement_id  bigint NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    name             text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (announcement_id, name, account_id)
);
