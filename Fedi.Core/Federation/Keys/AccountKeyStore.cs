using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Keys;

/// <summary>An account's RSA key pair, PEM encoded (public: SubjectPublicKeyInfo, private: PKCS#8).</summary>
public sealed record AccountKeys(string PublicKeyPem, string? PrivateKeyPem);

/// <summary>
/// The key columns of <c>accounts</c>. Local accounts get an RSA-2048 pair at sign-up; one without (the instance
/// actor, accounts from before keys) gets it on first use, once even when two processes race for it.
/// </summary>
public sealed class AccountKeyStore(NpgsqlDataSource db)
{
    /// <summary>The keys of a local account, generated when it has none; null when there is no such account.</summary>
    public async Task<AccountKeys?> FindOrCreateLocalAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var keys = await conn.QuerySingleOrDefaultAsync<AccountKeys>(new CommandDefinition(
            "SELECT public_key AS publickeypem, private_key AS privatekeypem FROM accounts WHERE id = @accountId AND domain IS NULL",
            new { accountId }, cancellationToken: ct));
        if (keys is null || !string.IsNullOrEmpty(keys.PrivateKeyPem)) return keys;

        using var rsa = RSA.Create(2048);
        // Only the first writer's pair is kept: the statement re-reads whatever is stored when it loses the race.
        return await conn.QuerySingleAsync<AccountKeys>(new CommandDefinition("""
            UPDATE accounts
            SET public_key = CASE WHEN COALESCE(private_key, '') = '' THEN @publicKey ELSE public_key END,
                private_key = CASE WHEN COALESCE(private_key, '') = '' THEN @privateKey ELSE private_key END
            WHERE id = @accountId
            RETURNING public_key AS publickeypem, private_key AS privatekeypem
            """, new { accountId, publicKey = rsa.ExportSubjectPublicKeyInfoPem(), privateKey = rsa.ExportPkcs8PrivateKeyPem() },
            cancellationToken: ct));
    }
}
