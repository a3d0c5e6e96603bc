using Dapper;
using Npgsql;

namespace Fedi.Core.Filters;

/// <summary>SQL for <c>custom_filter_keywords</c> and <c>custom_filter_statuses</c>; every read and write by id checks
/// through the filter that the account owns it.</summary>
public sealed class FilterRuleStore(NpgsqlDataSource db)
{
    private const string KeywordColumns = "k.id, k.custom_filter_id, k.keyword, k.whole_word";
    private const string StatusColumns = "s.id, s.custom_filter_id, s.status_id";
    private const string OwnedKeyword = "k.id = @id AND EXISTS (SELECT 1 FROM custom_filters f WHERE f.id = k.custom_filter_id AND f.account_id = @accountId)";
    private const string OwnedStatus = "s.id = @id AND EXISTS (SELECT 1 FROM custom_filters f WHERE f.id = s.custom_filter_id AND f.account_id = @accountId)";

    public async Task<IReadOnlyList<CustomFilterKeyword>> ListKeywordsAsync(IReadOnlyCollection<long> filterIds, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<CustomFilterKeyword>(new CommandDefinition(
            $"SELECT {KeywordColumns} FROM custom_filter_keywords k WHERE k.custom_filter_id = ANY(@filterIds) ORDER BY k.id",
            new { filterIds = filterIds.ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<CustomFilterStatus>> ListStatusesAsync(IReadOnlyCollection<long> filterIds, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<CustomFilterStatus>(new CommandDefinition(
            $"SELECT {StatusColumns} FROM custom_filter_statuses s WHERE s.custom_filter_id = ANY(@filterIds) ORDER BY s.id",
            new { filterIds = filterIds.ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<CustomFilterKeyword?> FindKeywordAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CustomFilterKeyword>(new CommandDefinition(
            $"SELECT {KeywordColumns} FROM custom_filter_keywords k WHERE {OwnedKeyword}", new { id, accountId }, cancellationToken: ct));
    }

    public async Task<CustomFilterStatus?> FindStatusAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CustomFilterStatus>(new CommandDefinition(
            $"SELECT {StatusColumns} FROM custom_filter_statuses s WHERE {OwnedStatus}", new { id, accountId }, cancellationToken: ct));
    }

    public Task<CustomFilterKeyword> InsertKeywordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long filterId,
        string keyword, bool wholeWord, CancellationToken ct) =>
        connection.QuerySingleAsync<CustomFilterKeyword>(new CommandDefinition($"""
            INSERT INTO custom_filter_keywords AS k (custom_filter_id, keyword, whole_word) VALUES (@filterId, @keyword, @wholeWord)
            RETURNING {KeywordColumns}
            """, new { filterId, keyword, wholeWord }, transaction, cancellationToken: ct));

    /// <summary>Changes a keyword of <paramref name="filterId"/>'s (null: of any filter the account owns); null when it is not one.</summary>
    public Task<CustomFilterKeyword?> UpdateKeywordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, long accountId,
        long? filterId, string? keyword, bool? wholeWord, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CustomFilterKeyword>(new CommandDefinition($"""
            UPDATE custom_filter_keywords k SET keyword = COALESCE(@keyword, k.keyword), whole_word = COALESCE(@wholeWord, k.whole_word), updated_at = now()
            WHERE {OwnedKeyword} AND (@filterId::bigint IS NULL OR k.custom_filter_id = @filterId)
            RETURNING {KeywordColumns}
            """, new { id, accountId, filterId, keyword, wholeWord }, transaction, cancellationToken: ct));

    public async Task<bool> DeleteKeywordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, long accountId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM custom_filter_keywords k WHERE {OwnedKeyword}", new { id, accountId }, transaction, cancellationToken: ct)) > 0;

    /// <summary>Adds a status to a filter; the same status twice is refused by the unique index (null).</summary>
    public async Task<CustomFilterStatus?> InsertStatusAsync(long filterId, long statusId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CustomFilterStatus>(new CommandDefinition($"""
            INSERT INTO custom_filter_statuses AS s (custom_filter_id, status_id) VALUES (@filterId, @statusId)
            ON CONFLICT DO NOTHING RETURNING {StatusColumns}
            """, new { filterId, statusId }, cancellationToken: ct));
    }

    public async Task<bool> DeleteStatusAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM custom_filter_statuses s WHERE {OwnedStatus}", new { id, accountId }, cancellationToken: ct)) > 0;
    }
}
