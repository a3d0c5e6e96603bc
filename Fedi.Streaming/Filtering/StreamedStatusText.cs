using System.Globalization;
using System.Text.Json;
using Fedi.Core.ClientApi.Rendering;

namespace Fedi.Streaming.Filtering;

/// <summary>What keyword and status filters look at in a status event, read once per event from its payload: the
/// shown status's author and searchable text (the original's, for a reblog) and the ids a status filter names.
/// Unreadable payloads match nothing.</summary>
public sealed record StreamedStatusText(long AuthorId, string Text, long[] StatusIds)
{
    public static readonly StreamedStatusText Nothing = new(0, "", []);

    public static StreamedStatusText Read(string? payload)
    {
        if (payload is null) return Nothing;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Nothing;
            var shown = root.TryGetProperty("reblog", out var reblog) && reblog.ValueKind == JsonValueKind.Object ? reblog : root;
            var author = shown.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object ? Id(account) : 0;
            var options = shown.TryGetProperty("poll", out var poll) && poll.ValueKind == JsonValueKind.Object
                          && poll.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(o => o.ValueKind == JsonValueKind.Object ? StringOf(o, "title") : "").ToList()
                : [];
            var text = StatusFiltering.SearchableText(StringOf(shown, "spoiler_text"), StringOf(shown, "content"), options);
            return new StreamedStatusText(author, text, [Id(root), Id(shown)]);
        }
        catch (JsonException)
        {
            return Nothing;
        }
    }

    private static string StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static long Id(JsonElement entity) =>
        long.TryParse(StringOf(entity, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
