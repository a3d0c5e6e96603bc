using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Remote;

/// <summary>SQL for remote rows of <c>accounts</c> (Mastodon's domain, uri and inbox columns) and the keys of any actor.</summary>
public sealed class RemoteAccountStore(NpgsqlDataSource db)
{
    /// <summary>The account whose actor URI is <paramref name="uri"/>, local or remote, with its public key.</summary>
    public async Task<ActorKey?> FindKeyByUriAsync(string uri, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ActorKey>(new CommandDefinition("""
            SELECT id AS accountid, uri, public_key AS publickeypem, domain FROM accounts WHERE uri = @uri AND uri <> '' LIMIT 1
            """, new { uri }, cancellationToken: ct));
    }

    /// <summary>Inserts or refreshes a remote account from its actor document, by (username, domain); its id.</summary>
    public async Task<long> UpsertAsync(RemoteActor actor, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var id = await conn.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO accounts (username, domain, display_name, note, uri, url, inbox_url, shared_inbox_url, outbox_url,
                                  followers_url, following_url, public_key, locked, bot, actor_type, last_webfingered_at)
            VALUES (@Username, @Domain, @DisplayName, @Note, @Uri, @Url, @Inbox, @SharedInbox, @Outbox,
                    @Followers, @Following, @PublicKeyPem, @Locked, @Bot, @ActorType, now())
            ON CONFLICT (lower(username), COALESCE(lower(domain), '')) DO UPDATE
              SET display_name = EXCLUDED.display_name, note = EXCLUDED.note, uri = EXCLUDED.uri, url = EXCLUDED.url,
                  inbox_url = EXCLUDED.inbox_url, shared_inbox_url = EXCLUDED.shared_inbox_url, outbox_url = EXCLUDED.outbox_url,
                  followers_url = EXCLUDED.followers_url, following_url = EXCLUDED.following_url, public_key = EXCLUDED.public_key,
                  locked = EXCLUDED.locked, bot = EXCLUDED.bot, actor_type = EXCLUDED.actor_type, updated_at = now()
            RETURNING id
            """, actor, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO account_stats (account_id) VALUES (@id) ON CONFLICT (account_id) DO NOTHING", new { id }, cancellationToken: ct));
        return id;
    }
}
