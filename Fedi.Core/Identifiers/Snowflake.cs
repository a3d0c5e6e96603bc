namespace Fedi.Core.Identifiers;

/// <summary>
/// Mastodon's time-ordered 64-bit ids: unix milliseconds in the high 48 bits, a 16-bit sequence below.
/// New rows get theirs from the database function timestamp_id(table); this class turns times into
/// id cursors for range scans and reads the time back out of an id.
/// </summary>
public static class Snowflake
{
    /// <summary>The smallest id a row created at <paramref name="time"/> can have.</summary>
    public static long IdAt(DateTimeOffset time) => time.ToUnixTimeMilliseconds() << 16;

    public static DateTimeOffset TimeOf(long id) => DateTimeOffset.FromUnixTimeMilliseconds(id >> 16);

    /// <summary>Parses a client-supplied id ("123"); null when it is absent or not an id.</summary>
    public static long? TryParse(string? value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id : null;
}
