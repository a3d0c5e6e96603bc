using Dapper;
using Fedi.Core.Tags;
using Npgsql;

namespace Fedi.Core.Search;

/// <summary>Hashtags whose normalised name starts with the query: the exact name first, then shorter names.</summary>
public sealed class HashtagSearchStore(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<Tag>> SearchAsync(string normalizedName, int limit, int offset, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Tag>(new CommandDefinition("""
            SELECT id, name FROM tags
            WHERE lower(name) LIKE @prefix
            ORDER BY lower(name) = @exact DESC, length(name), lower(name)
            LIMIT @limit OFFSET @offset
            """, new { prefix = SearchPattern.Prefix(normalizedName), exact = normalizedName.ToLowerInvariant(), limit, offset },
            cancellationToken: ct));
        return rows.AsList();
    }
}
