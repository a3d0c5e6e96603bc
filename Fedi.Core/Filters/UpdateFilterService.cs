using Fedi.Core.Errors;
namespace Fedi.Core.Filters;

/// <summary>Changes a filter and its keywords in one transaction (PUT /api/v2/filters/:id); what is not sent stays.</summary>
public sealed class UpdateFilterService(FilterStore filters, FilterChanges changes, TimeProvider time)
{
    public async Task<CustomFilter> UpdateAsync(long accountId, long id, FilterInput input, CancellationToken ct = default)
    {
        var current = await filters.FindAsync(id, accountId, ct) ?? throw ApiException.NotFound();
        var filter = current with
        {
            Title = input.Title ?? current.Title,
            Context = input.Context is { } context ? context.Distinct().ToArray() : current.Context,
            Action = input.Action ?? current.Action,
            ExpiresAt = !input.ExpiresInSent ? current.ExpiresAt
                : input.ExpiresInSeconds is { } seconds ? time.GetUtcNow().UtcDateTime.AddSeconds(seconds) : null,
        };
        FilterRules.Check(filter.Title, filter.Context, filter.Action);
        return await changes.SaveAsync(accountId, input.Keywords, (conn, tx) => filters.UpdateAsync(conn, tx, filter, ct), ct);
    }
}
