-- Search (GET /api/v2/search, /api/v1/accounts/search). pg_trgm is a trusted extension (PostgreSQL 13+), so the
-- database owner the migrations run as may create it; it ships with PostgreSQL's contrib, part of Debian's server package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Accounts by username / display name prefix (LIKE 'q%' and similarity both use these).
CREATE INDEX index_accounts_on_username_trgm ON accounts USING gin (lower(username) gin_trgm_ops);
CREATE INDEX index_accounts_on_display_name_trgm ON accounts USING gin (lower(display_name) gin_trgm_ops);

-- Hashtags by name prefix.
CREATE INDEX index_tags_on_name_pattern ON tags (lower(name) text_pattern_ops);

-- Statuses by full text. 'simple': no language's stemming, as posts mix languages. The expression must match
-- StatusSearchStore's exactly for the planner to use the index.
CREATE INDEX index_statuses_on_search_vector ON statuses
    USING gin (to_tsvector('simple', spoiler_text || ' ' || text))
    WHERE deleted_at IS NULL AND reblog_of_id IS NULL;
