namespace Fedi.Core.Lists;

/// <summary>A row of <c>lists</c>: a user's hand-picked timeline of accounts they follow.</summary>
public sealed record UserList
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public string Title { get; init; } = "";
    public RepliesPolicy RepliesPolicy { get; init; }
    public bool Exclusive { get; init; }
}

/// <summary>Which replies of members reach the list (Mastodon's enum, same numbers).</summary>
public enum RepliesPolicy
{
    /// <summary>Replies to the owner or to another member of the list.</summary>
    List = 0,
    /// <summary>Replies to anyone the owner follows.</summary>
    Followed = 1,
    /// <summary>Only replies to the owner.</summary>
    None = 2,
}

public static class RepliesPolicies
{
    public static string ToApi(this RepliesPolicy policy) => policy switch
    {
        RepliesPolicy.Followed => "followed",
        RepliesPolicy.None => "none",
        _ => "list",
    };

    public static RepliesPolicy? Parse(string? value) => value switch
    {
        "list" => RepliesPolicy.List,
        "followed" => RepliesPolicy.Followed,
        "none" => RepliesPolicy.None,
        _ => null,
    };
}
