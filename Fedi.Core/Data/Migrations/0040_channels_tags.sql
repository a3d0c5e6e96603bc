-- Hashtags (Mastodon's tags / statuses_tags). name is stored normalised (HashtagNormalizer: lower case,
-- Latin folded to ASCII), which is also what the streaming channel timeline:hashtag:<name> carries.
CREATE SEQUENCE tags_id_seq;
CREATE TABLE tags (
    id          bigint PRIMARY KEY DEFAULT timestamp_id('tags'),
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX index_tags_on_name_lower ON tags (lower(name));

CREATE TABLE statuses_tags (
    status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    tag_id     bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, status_id)
);
CREATE INDEX index_statuses_tags_on_status_id ON statuses_tags (status_id);
