using Fedi.Core.Errors;
using Npgsql;

namespace Fedi.Core.Filters;

/// <summary>The keywords sub-resource (/api/v2/filters/:id/keywords, /api/v2/filters/keywords/:id): add, change, remove one keyword.</summary>
public sealed class FilterKeywordsService(NpgsqlDataSource db, FilterStore filters, FilterRuleStore rules, FilterChanges changes)
{
    public async Task<CustomFilterKeyword> AddAsync(long accountId, long filterId, string keyword, bool wholeWord, CancellationToken ct = default)
    {
        if (await filters.FindAsync(filterId, accountId, ct) is null) throw ApiException.NotFound();
        FilterRules.CheckKeyword(keyword);
        await using var conn = await db.OpenConnectionAsync(ct);
        var added = await rules.InsertKeywordAsync(conn, null, filterId, keyword, wholeWord, ct);
        await changes.PublishAsync(accountId);
        return added;
    }

    public async Task<CustomFilterKeyword> UpdateAsync(long accountId, long id, string? keyword, bool? wholeWord, CancellationToken ct = default)
    {
        if (keyword is not null) FilterRules.CheckKeyword(keyword);
        await using var conn = await db.OpenConnectionAsync(ct);
        var updated = await rules.UpdateKeywordAsync(conn, null, id, accountId, null, keyword, wholeWord, ct) ?? throw ApiException.NotFound();
        await changes.PublishAsync(accountId);
        return updated;
    }

    public async Task RemoveAsync(long accountId, long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (!await rules.DeleteKeywordAsync(conn, null, id, accountId, ct)) throw ApiException.NotFound();
        await changes.PublishAsync(accountId);
    }
}
