-- Media attachments (Mastodon's media_attachments): uploaded by a local account, attached to at most one status.
-- file_key names the processed original in media storage, thumbnail_key the small preview; both stay NULL while
-- processing (processing 0 = queued, 1 = in progress, 2 = done, 3 = failed, Mastodon's processing enum).
CREATE SEQUENCE media_attachments_id_seq;
CREATE TABLE media_attachments (
    id                 bigint PRIMARY KEY DEFAULT timestamp_id('media_attachments'),
    account_id         bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id          bigint REFERENCES statuses (id) ON DELETE SET NULL,
    type               smallint NOT NULL DEFAULT 0,   -- 0 image, 1 gifv, 2 video, 3 unknown, 4 audio (Mastodon's enum)
    file_key           text,
    file_content_type  text,
    file_file_size     bigint,
    thumbnail_key      text,
    upload_key         text,                          -- the original as uploaded, until the worker has processed it
    file_meta          jsonb NOT NULL DEFAULT '{}'::jsonb,
    description        text,
    blurhash           text,
    processing         smallint NOT NULL DEFAULT 0,
    processing_error   text,
    remote_url         text NOT NULL DEFAULT '',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX index_media_attachments_on_status_id ON media_attachments (status_id) WHERE status_id IS NOT NULL;
CREATE INDEX index_media_attachments_on_account_id_and_status_id ON media_attachments (account_id, status_id);
-- The orphan sweep: unattached uploads by age.
CREATE INDEX index_media_attachments_unattached ON media_attachments (created_at) WHERE status_id IS NULL;

-- Avatar and header of local accounts: storage keys of the processed image and of its static (first-frame) version.
ALTER TABLE accounts
    ADD COLUMN avatar_key         text,
    ADD COLUMN avatar_static_key  text,
    ADD COLUMN header_key         text,
    ADD COLUMN header_static_key  text;
