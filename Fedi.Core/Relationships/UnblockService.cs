using Dapper;
using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Streams;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>Lifts a block (Mastodon's UnblockService); not blocking is no error. Follows removed by the block stay removed.</summary>
public sealed class UnblockService(NpgsqlDataSource db, AccountStore accounts, StreamPublisher streams)
{
    public async Task UnblockAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetAccountId, ct) is null) throw ApiException.NotFound();
        await using var conn = await db.OpenConnectionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM blocks WHERE account_id = @accountId AND target_account_id = @targetAccountId",
            new { accountId, targetAccountId }, cancellationToken: ct));
        if (deleted > 0) await streams.PublishRelationsChangedAsync(accountId, targetAccountId);
    }
}
