using Dapper;
using Npgsql;

namespace Fedi.Core.Media;

/// <summary>SQL for the avatar and header columns of <c>accounts</c>.</summary>
public sealed class ProfileImageStore(NpgsqlDataSource db)
{
    /// <summary>Sets (or with nulls clears) one image; the keys it replaced, for deleting their files.</summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(long accountId, ProfileImage image, string? key, string? staticKey, CancellationToken ct)
    {
        var (column, staticColumn) = image == ProfileImage.Avatar ? ("avatar_key", "avatar_static_key") : ("header_key", "header_static_key");
        await using var conn = await db.OpenConnectionAsync(ct);
        var old = await conn.QuerySingleOrDefaultAsync<(string? Key, string? StaticKey)>(new CommandDefinition($"""
            WITH previous AS (SELECT {column} AS key, {staticColumn} AS static_key FROM accounts WHERE id = @accountId FOR UPDATE)
            UPDATE accounts SET {column} = @key, {staticColumn} = @staticKey, updated_at = now()
            FROM previous WHERE accounts.id = @accountId
            RETURNING previous.key, previous.static_key
            """, new { accountId, key, staticKey }, cancellationToken: ct));
        return new[] { old.Key, old.StaticKey }.OfType<string>().Distinct().ToList();
    }
}

/// <summary>Which of an account's two profile images.</summary>
public enum ProfileImage { Avatar, Header }
