using System.Globalization;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Mastodon's wire formats for times and ids.</summary>
public static class ApiFormat
{
    /// <summary>ISO 8601 UTC with milliseconds, as Rails' as_json: 2024-01-02T03:04:05.678Z.</summary>
    public static string Time(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTime? time) => time is { } t ? Time(t) : null;

    public static string Date(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string? Id(long? id) => id is { } i ? Id(i) : null;
}
