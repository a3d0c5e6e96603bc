using Dapper;
using Npgsql;

namespace Fedi.Core.Instance;

/// <summary>A server rule: shown in priority order, then oldest first.</summary>
public sealed record InstanceRule(long Id, int Priority, string Text, string Hint);

/// <summary>SQL for <c>rules</c>.</summary>
public sealed class InstanceRuleStore(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<InstanceRule>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<InstanceRule>(new CommandDefinition(
            "SELECT id, priority, text, hint FROM rules WHERE deleted_at IS NULL ORDER BY priority, id", cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<InstanceRule> AddAsync(string text, string hint, int priority, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<InstanceRule>(new CommandDefinition(
            "INSERT INTO rules (text, hint, priority) VALUES (@text, @hint, @priority) RETURNING id, priority, text, hint",
            new { text, hint, priority }, cancellationToken: ct));
    }

    /// <summary>False when no live rule has that id.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE rules SET deleted_at = now(), updated_at = now() WHERE id = @id AND deleted_at IS NULL", new { id }, cancellationToken: ct)) > 0;
    }
}
