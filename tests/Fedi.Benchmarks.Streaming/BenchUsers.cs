using Npgsql;

namespace Fedi.Benchmarks.Streaming;

/// <summary>N confirmed local users with one token each (token_digest = SHA-256 hex of the secret), in one statement.</summary>
public static class BenchUsers
{
    /// <summary>Returns the token secrets, the i-th belonging to user i.</summary>
    public static async Task<string[]> CreateAsync(string connectionString, int count, string run)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("""
            WITH a AS (
                INSERT INTO accounts (username) SELECT @run || '_' || n FROM generate_series(1, @count) n RETURNING id, username
            ), u AS (
                INSERT INTO users (account_id, email, encrypted_password, confirmed_at)
                SELECT id, username || '@example.com', 'x', now() FROM a RETURNING id, email
            )
            INSERT INTO oauth_access_tokens (token_digest, resource_owner_id, scopes)
            SELECT encode(sha256(convert_to(@run || '-token-' || split_part(split_part(email, '@', 1), '_', 2), 'UTF8')), 'hex'), id, 'read write follow'
            FROM u;
            """, conn, tx))
        {
            command.Parameters.AddWithValue("count", count);
            command.Parameters.AddWithValue("run", run);
            command.CommandTimeout = 300;
            await command.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return Enumerable.Range(1, count).Select(n => $"{run}-token-{n}").ToArray();
    }
}
