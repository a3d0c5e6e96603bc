using Fedi.Core.Errors;
using Fedi.Core.Statuses;

namespace Fedi.Core.Filters;

/// <summary>The statuses sub-resource (/api/v2/filters/:id/statuses, /api/v2/filters/statuses/:id): filter one status
/// the account can see, or stop filtering it.</summary>
public sealed class FilterStatusesService(FilterStore filters, FilterRuleStore rules, StatusStore statuses, StatusPolicy policy, FilterChanges changes)
{
    public async Task<CustomFilterStatus> AddAsync(long accountId, long filterId, long statusId, CancellationToken ct = default)
    {
        if (await filters.FindAsync(filterId, accountId, ct) is null) throw ApiException.NotFound();
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null || !await policy.CanViewAsync(status, accountId, ct)) throw ApiException.NotFound();
        var added = await rules.InsertStatusAsync(filterId, statusId, ct)
                    ?? throw new ValidationException("status_id", "ERR_TAKEN", "Status has already been taken");
        await changes.PublishAsync(accountId);
        return added;
    }

    public async Task RemoveAsync(long accountId, long id, CancellationToken ct = default)
    {
        if (!await rules.DeleteStatusAsync(id, accountId, ct)) throw ApiException.NotFound();
        await changes.PublishAsync(accountId);
    }
}
