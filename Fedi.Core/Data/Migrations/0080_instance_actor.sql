-- The instance actor (Mastodon's Account.representative, id -99): the Service that signs the server's own
-- fetches of remote actors and keys, so a peer in authorized-fetch mode can answer them. Its keys are
-- generated on first use. No user row, so the client API never shows it.
INSERT INTO accounts (id, username, display_name, actor_type, locked, discoverable)
VALUES (-99, 'instance.actor', '', 'Service', true, false)
ON CONFLICT (id) DO NOTHING;
INSERT INTO account_stats (account_id) VALUES (-99) ON CONFLICT (account_id) DO NOTHING;
