namespace Fedi.Core.Instance;

/// <summary>
/// What /api/v1/instance reports. Clients parse the leading X.Y.Z to decide which API calls exist, so it
/// names the Mastodon API level Fedi implements first, then Fedi's own version.
/// </summary>
public static class ServerVersion
{
    public const string MastodonCompatible = "4.3.0";
    public const string Fedi = "0.1.0";
    public const string Display = $"{MastodonCompatible} (compatible; Fedi {Fedi})";
    public const int MastodonApiVersion = 2;
}
