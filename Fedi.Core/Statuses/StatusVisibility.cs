namespace Fedi.Core.Statuses;

/// <summary>Mastodon's visibility enum, with its database values.</summary>
public enum StatusVisibility
{
    Public = 0,
    Unlisted = 1,
    Private = 2,
    Direct = 3,
}

public static class StatusVisibilityNames
{
    public static string ToApi(this StatusVisibility visibility) => visibility switch
    {
        StatusVisibility.Public => "public",
        StatusVisibility.Unlisted => "unlisted",
        StatusVisibility.Private => "private",
        StatusVisibility.Direct => "direct",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility)),
    };

    public static StatusVisibility? FromApi(string? name) => name switch
    {
        "public" => StatusVisibility.Public,
        "unlisted" => StatusVisibility.Unlisted,
        "private" => StatusVisibility.Private,
        "direct" => StatusVisibility.Direct,
        _ => null,
    };
}
