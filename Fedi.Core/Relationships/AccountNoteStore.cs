using Dapper;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>SQL for <c>account_notes</c>: a user's private note on another account (relationship.note).</summary>
public sealed class AccountNoteStore(NpgsqlDataSource db)
{
    /// <summary>The viewer's notes on any of <paramref name="targetIds"/>, by target id.</summary>
    public async Task<IReadOnlyDictionary<long, string>> ListAsync(long accountId, IReadOnlyCollection<long> targetIds, CancellationToken ct = default)
    {
        if (targetIds.Count == 0) return new Dictionary<long, string>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, string)>(new CommandDefinition(
            "SELECT target_account_id, comment FROM account_notes WHERE account_id = @accountId AND target_account_id = ANY(@targetIds)",
            new { accountId, targetIds = targetIds.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>Sets the note; an empty comment removes it, as Mastodon's.</summary>
    public async Task SetAsync(long accountId, long targetAccountId, string comment, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(comment.Length == 0
            ? "DELETE FROM account_notes WHERE account_id = @accountId AND target_account_id = @targetAccountId"
            : """
              INSERT INTO account_notes (account_id, target_account_id, comment) VALUES (@accountId, @targetAccountId, @comment)
              ON CONFLICT (account_id, target_account_id) DO UPDATE SET comment = EXCLUDED.comment, updated_at = now()
              """, new { accountId, targetAccountId, comment }, cancellationToken: ct));
    }
}
