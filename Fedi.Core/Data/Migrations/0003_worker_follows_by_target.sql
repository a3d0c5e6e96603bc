-- Fan-out walks an account's followers in batches of 1,000 by follower id (keyset pagination). With this
-- index each batch is one short index range scan instead of a scan and sort of every follower of the account.
CREATE INDEX index_follows_on_target_account_id_and_account_id ON follows (target_account_id, account_id);
