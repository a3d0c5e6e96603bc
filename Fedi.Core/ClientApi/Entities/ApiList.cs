using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Lists;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's List entity.</summary>
public sealed record ApiList(string Id, string Title, string RepliesPolicy, bool Exclusive)
{
    public static ApiList From(UserList list) =>
        new(ApiFormat.Id(list.Id), list.Title, list.RepliesPolicy.ToApi(), list.Exclusive);
}
