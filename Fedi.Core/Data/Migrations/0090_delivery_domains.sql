-- Delivery health per remote domain (Mastodon's DeliveryFailureTracker, which keeps the failure days in the Redis
-- set exhausted_deliveries:<host>, and its unavailable_domains table): the distinct UTC days on which a delivery
-- to the domain failed since its last success; at 7 days it is unavailable and deliveries to it are skipped until
-- a delivery succeeds, the domain sends a signed request, or an operator resets it. The domain is the inbox URL's
-- authority (host, and port when it is not the scheme's default).
CREATE TABLE delivery_domains (
    domain            text PRIMARY KEY,
    failure_days      date[] NOT NULL DEFAULT '{}',
    last_failure_at   timestamptz,
    last_success_at   timestamptz,
    unavailable_since timestamptz
);
CREATE INDEX delivery_domains_unavailable ON delivery_domains (domain) WHERE unavailable_since IS NOT NULL;
