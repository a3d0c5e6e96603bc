using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Feeds;
using Fedi.Core.Validation;

namespace Fedi.Core.Lists;

/// <summary>
/// Creating, changing and deleting lists and their members, owner only (someone else's list is a 404). Any change
/// of members drops the list's Redis feed, which its next read rebuilds from PostgreSQL with the new members.
/// </summary>
public sealed class ListService(ListStore lists, ListAccountStore members, FeedManager feeds, AccountStore accounts)
{
    public const string TitleBlank = "Validation failed: Title can't be blank";
    public const string NotFollowed = "Validation failed: Account must be a followed account";

    public async Task<UserList> CreateAsync(long ownerId, ListChanges changes, CancellationToken ct = default)
    {
        var title = changes.Title?.Trim();
        if (string.IsNullOrEmpty(title)) throw ApiException.Unprocessable(TitleBlank);
        TextLimits.Check(title, "title", "Title", TextLimits.ListTitle);
        return await lists.InsertAsync(new UserList
        {
            AccountId = ownerId,
            Title = title,
            RepliesPolicy = Policy(changes.RepliesPolicy) ?? RepliesPolicy.List,
            Exclusive = changes.Exclusive ?? false,
        }, ct);
    }

    /// <summary>Only what the client sent changes (Mastodon's update with permitted params).</summary>
    public async Task<UserList> UpdateAsync(long listId, long ownerId, ListChanges changes, CancellationToken ct = default)
    {
        var list = await lists.FindOwnedAsync(listId, ownerId, ct) ?? throw ApiException.NotFound();
        var title = changes.Title is null ? list.Title : changes.Title.Trim();
        if (title.Length == 0) throw ApiException.Unprocessable(TitleBlank);
        TextLimits.Check(title, "title", "Title", TextLimits.ListTitle);
        var changed = list with
        {
            Title = title,
            RepliesPolicy = Policy(changes.RepliesPolicy) ?? list.RepliesPolicy,
            Exclusive = changes.Exclusive ?? list.Exclusive,
        };
        return await lists.UpdateAsync(changed, ct) ?? throw ApiException.NotFound();
    }

    public async Task DeleteAsync(long listId, long ownerId, CancellationToken ct = default)
    {
        if (!await lists.DeleteAsync(listId, ownerId, ct)) throw ApiException.NotFound();
        await feeds.DropListFeedAsync(listId);
    }

    /// <summary>404 when an account does not exist; 422 (and nothing added) when the owner does not follow one of them.</summary>
    public async Task AddAccountsAsync(long listId, long ownerId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        _ = await lists.FindOwnedAsync(listId, ownerId, ct) ?? throw ApiException.NotFound();
        var ids = accountIds.Distinct().ToList();
        if (ids.Count == 0 || (await accounts.ListAsync(ids, ct)).Count < ids.Count) throw ApiException.NotFound();
        if (!await members.AddAsync(listId, ownerId, ids, ct)) throw ApiException.Unprocessable(NotFollowed);
        await feeds.DropListFeedAsync(listId);
    }

    public async Task RemoveAccountsAsync(long listId, long ownerId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        _ = await lists.FindOwnedAsync(listId, ownerId, ct) ?? throw ApiException.NotFound();
        await members.RemoveAsync(listId, accountIds.Distinct().ToList(), ct);
        await feeds.DropListFeedAsync(listId);
    }

    /// <summary>An unknown replies_policy is a 422, as Rails' enum assignment fails.</summary>
    private static RepliesPolicy? Policy(string? value) => value is null
        ? null
        : RepliesPolicies.Parse(value) ?? throw ApiException.Unprocessable($"'{value}' is not a valid replies_policy");
}

/// <summary>What a create or update asks for; null = not sent.</summary>
public sealed record ListChanges(string? Title, string? RepliesPolicy, bool? Exclusive);
