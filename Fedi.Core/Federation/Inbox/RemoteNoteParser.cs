using System.Text.Json;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Reads a remote Note into a status (Mastodon's ActivityPub::Parser::StatusParser, the parts stored so far).</summary>
public sealed class RemoteNoteParser(RemoteHtml html, TimeProvider clock)
{
    private const string PublicCollection = "https://www.w3.org/ns/activitystreams#Public";

    /// <summary>Null unless it is a Note with an id on the actor's host, attributed to the actor.</summary>
    public RemoteStatus? Parse(JsonElement note, long accountId, string actorUri)
    {
        if (InboxActivity.Str(note, "type") != "Note" || InboxActivity.Str(note, "id") is not { } id) return null;
        if (!Uri.TryCreate(id, UriKind.Absolute, out var idUri) || !Uri.TryCreate(actorUri, UriKind.Absolute, out var actor)
            || !idUri.Host.Equals(actor.Host, StringComparison.OrdinalIgnoreCase)) return null;
        if (InboxActivity.Str(note, "attributedTo") is { } author && author != actorUri) return null;
        var visibility = Addressed(note, "to", PublicCollection) ? StatusVisibility.Public
            : Addressed(note, "cc", PublicCollection) ? StatusVisibility.Unlisted
            : StatusVisibility.Private;
        var published = InboxActivity.Str(note, "published") is { } p && DateTimeOffset.TryParse(p, out var at) && at <= clock.GetUtcNow() ? at : clock.GetUtcNow();
        var url = note.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var language = note.TryGetProperty("contentMap", out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().Select(x => x.Name).FirstOrDefault(n => n.Length is > 0 and <= 16) : null;
        return new RemoteStatus(accountId, id, url, html.Sanitize(InboxActivity.Str(note, "content") ?? ""),
            Clip(InboxActivity.Str(note, "summary") ?? "", 1000),
            note.TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.True, visibility, language, published);
    }

    private static bool Addressed(JsonElement note, string field, string collection) =>
        note.TryGetProperty(field, out var value) && value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is "as:Public" or "Public" || value.GetString() == collection,
            JsonValueKind.Array => value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String
                && (v.GetString() == collection || v.GetString() is "as:Public" or "Public")),
            _ => false,
        };

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;
}
