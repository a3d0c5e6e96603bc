using System.Text.Json.Nodes;
using Fedi.Core.Configuration;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>
/// A local status as a Note and its Create, Update and Delete activities (Mastodon's NoteSerializer). Addressing follows
/// visibility as Mastodon's: public to Public cc followers; unlisted to followers cc Public; private to
/// followers; direct only to the mentioned; mentioned actors are always in cc (to for direct).
/// </summary>
public sealed class NoteDocument(LocalUris uris, InstanceOptions instance)
{
    public JsonObject Render(NoteSource source) => WithContext(Note(source));

    public JsonObject RenderCreate(NoteSource source)
    {
        var note = Note(source);
        var (status, author) = (source.Status, source.Author);
        return WithContext(new JsonObject
        {
            ["id"] = uris.StatusActivity(author.Username, status.Id),
            ["type"] = "Create",
            ["actor"] = uris.Actor(author.Username),
            ["published"] = note["published"]!.DeepClone(),
            ["to"] = note["to"]!.DeepClone(),
            ["cc"] = note["cc"]!.DeepClone(),
            ["object"] = note,
        });
    }

    /// <summary>An Update carrying the edited Note (Mastodon's UpdateSerializer), its id naming the edit's time.</summary>
    public JsonObject RenderUpdate(NoteSource source)
    {
        var note = Note(source);
        var (status, author) = (source.Status, source.Author);
        var edited = status.EditedAt ?? status.CreatedAt;
        return WithContext(new JsonObject
        {
            ["id"] = $"{note["id"]}#updates/{new DateTimeOffset(DateTime.SpecifyKind(edited, DateTimeKind.Utc)).ToUnixTimeSeconds()}",
            ["type"] = "Update",
            ["actor"] = uris.Actor(author.Username),
            ["published"] = ActorDocument.Iso(edited),
            ["to"] = note["to"]!.DeepClone(),
            ["cc"] = note["cc"]!.DeepClone(),
            ["object"] = note,
        });
    }

    /// <summary>A Delete of the status, its object a Tombstone (Mastodon's DeleteSerializer).</summary>
    public JsonObject RenderDelete(NoteSource source)
    {
        var (status, author) = (source.Status, source.Author);
        var (to, cc) = Audience(source);
        var uri = status.Uri ?? uris.Status(author.Username, status.Id);
        return WithContext(new JsonObject
        {
            ["id"] = $"{uri}#delete",
            ["type"] = "Delete",
            ["actor"] = uris.Actor(author.Username),
            ["to"] = to,
            ["cc"] = cc,
            ["object"] = new JsonObject { ["id"] = uri, ["type"] = "Tombstone", ["atomUri"] = uri },
        });
    }

    private JsonObject Note(NoteSource source)
    {
        var (status, author) = (source.Status, source.Author);
        var (to, cc) = Audience(source);
        var tags = new JsonArray();
        foreach (var account in source.Mentioned)
            tags.Add(new JsonObject { ["type"] = "Mention", ["href"] = account.Uri, ["name"] = $"@{Acct(account)}" });
        foreach (var name in source.Tags)
            tags.Add(new JsonObject { ["type"] = "Hashtag", ["href"] = uris.Tag(name), ["name"] = $"#{name}" });
        var content = status.Local ? StatusHtml.Format(status.Text, source.Mentioned, instance.WebBaseUrl, instance.LocalDomain) : status.Text;
        var note = new JsonObject
        {
            ["id"] = status.Uri ?? uris.Status(author.Username, status.Id),
            ["type"] = "Note",
            ["summary"] = status.SpoilerText.Length > 0 ? status.SpoilerText : null,
            ["inReplyTo"] = source.InReplyToUri,
            ["published"] = ActorDocument.Iso(status.CreatedAt),
            ["url"] = status.Url ?? uris.StatusPage(author.Username, status.Id),
            ["attributedTo"] = uris.Actor(author.Username),
            ["to"] = to,
            ["cc"] = cc,
            ["sensitive"] = status.Sensitive,
            ["content"] = content,
            ["contentMap"] = status.Language is { } language ? new JsonObject { [language] = content } : null,
            ["tag"] = tags,
            ["attachment"] = new JsonArray(),
        };
        if (status.EditedAt is { } edited) note["updated"] = ActorDocument.Iso(edited);
        return note;
    }

    /// <summary>The to and cc arrays of a status's Note and activities.</summary>
    public (JsonArray To, JsonArray Cc) Audience(NoteSource source)
    {
        var followers = uris.Followers(source.Author.Username);
        var mentions = source.Mentioned.Select(a => (JsonNode)JsonValue.Create(a.Uri)!).ToArray();
        return source.Status.Visibility switch
        {
            StatusVisibility.Public => ([ActivityContext.Public], [followers, .. mentions]),
            StatusVisibility.Unlisted => ([followers], [ActivityContext.Public, .. mentions]),
            StatusVisibility.Private => ([followers], [.. mentions]),
            _ => ([.. mentions], []),
        };
    }

    private string Acct(Fedi.Core.Accounts.Account account) => account.Domain is null ? $"{account.Username}@{instance.LocalDomain}" : account.Acct;

    private static JsonObject WithContext(JsonObject document)
    {
        var withContext = new JsonObject { ["@context"] = ActivityContext.Object() };
        foreach (var (key, value) in document.ToList())
        {
            document.Remove(key);
            if (value is not null) withContext[key] = value;
        }
        return withContext;
    }
}
