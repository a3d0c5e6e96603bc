using Fedi.Core.Errors;
using Fedi.Core.Streams;
using Npgsql;

namespace Fedi.Core.Filters;

/// <summary>What every change to a filter shares: the filter and its <c>keywords_attributes</c> in one transaction, and
/// telling the account's streams afterwards.</summary>
public sealed class FilterChanges(NpgsqlDataSource db, FilterRuleStore rules, StreamPublisher streams)
{
    /// <summary>Writes the filter row (<paramref name="write"/>) and its keywords in one transaction, then publishes.</summary>
    public async Task<CustomFilter> SaveAsync(long accountId, IReadOnlyList<KeywordInput> keywords,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<CustomFilter>> write, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var saved = await write(conn, tx);
        await ApplyKeywordsAsync(conn, tx, saved, keywords, ct);
        await tx.CommitAsync(ct);
        await PublishAsync(accountId);
        return saved;
    }

    private async Task ApplyKeywordsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CustomFilter filter,
        IReadOnlyList<KeywordInput> keywords, CancellationToken ct)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Id is not { } id)
            {
                if (keyword.Destroy) continue;
                FilterRules.CheckKeyword(keyword.Keyword ?? "");
                await rules.InsertKeywordAsync(connection, transaction, filter.Id, keyword.Keyword!, keyword.WholeWord ?? true, ct);
            }
            else if (keyword.Destroy)
            {
                await rules.DeleteKeywordAsync(connection, transaction, id, filter.AccountId, ct);
            }
            else
            {
                if (keyword.Keyword is { } text) FilterRules.CheckKeyword(text);
                if (await rules.UpdateKeywordAsync(connection, transaction, id, filter.AccountId, filter.Id, keyword.Keyword, keyword.WholeWord, ct) is null)
                    throw ApiException.NotFound();
            }
        }
    }

    public Task PublishAsync(long accountId) => streams.PublishFiltersChangedAsync(accountId);
}
