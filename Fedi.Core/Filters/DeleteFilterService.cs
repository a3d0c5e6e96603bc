using Fedi.Core.Errors;

namespace Fedi.Core.Filters;

/// <summary>Deletes a filter with its keywords and statuses.</summary>
public sealed class DeleteFilterService(FilterStore filters, FilterChanges changes)
{
    public async Task DeleteAsync(long accountId, long id, CancellationToken ct = default)
    {
        if (!await filters.DeleteAsync(id, accountId, ct)) throw ApiException.NotFound();
        await changes.PublishAsync(accountId);
    }
}
