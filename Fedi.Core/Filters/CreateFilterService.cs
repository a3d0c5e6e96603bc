namespace Fedi.Core.Filters;

/// <summary>Creates a filter with its keywords in one transaction (POST /api/v2/filters, and v1's one-keyword filters).</summary>
public sealed class CreateFilterService(FilterStore filters, FilterChanges changes, TimeProvider time)
{
    public async Task<CustomFilter> CreateAsync(long accountId, FilterInput input, CancellationToken ct = default)
    {
        var filter = new CustomFilter
        {
            AccountId = accountId,
            Title = input.Title ?? "",
            Context = (input.Context ?? []).Distinct().ToArray(),
            Action = input.Action ?? FilterRules.Warn,
            ExpiresAt = input.ExpiresInSeconds is { } seconds ? time.GetUtcNow().UtcDateTime.AddSeconds(seconds) : null,
        };
        FilterRules.Check(filter.Title, filter.Context, filter.Action);
        return await changes.SaveAsync(accountId, input.Keywords, (conn, tx) => filters.InsertAsync(conn, tx, filter, ct), ct);
    }
}
