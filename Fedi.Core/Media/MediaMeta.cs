using System.Globalization;
using System.Text.Json.Nodes;

namespace Fedi.Core.Media;

/// <summary>Mastodon's attachment meta: <c>{"original": {width, height, size, aspect}, "small": {…}}</c> and more.</summary>
public static class MediaMeta
{
    public static JsonObject Dimensions(int width, int height) => new()
    {
        ["width"] = width,
        ["height"] = height,
        ["size"] = string.Create(CultureInfo.InvariantCulture, $"{width}x{height}"),
        ["aspect"] = Math.Round((double)width / height, 6),
    };

    /// <summary>The focus point as stored in meta, from Mastodon's "x,y" parameter (each -1..1); null when absent or malformed.</summary>
    public static string? Focus(string? focus)
    {
        if (string.IsNullOrWhiteSpace(focus)) return null;
        var parts = focus.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            || !double.IsFinite(x) || !double.IsFinite(y))
            return null;
        return new JsonObject { ["x"] = Math.Clamp(x, -1, 1), ["y"] = Math.Clamp(y, -1, 1) }.ToJsonString();
    }
}
