using System.Text.Json.Nodes;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Documents;

/// <summary>
/// A local status as its Note, or its Create activity, for anyone: public and unlisted statuses of the named
/// author only (private and direct ones need a signed fetch, which is not served yet: 404 as for unknown ones).
/// </summary>
public sealed class StatusObjectService(StatusStore statuses, LocalActorService actors, NoteSources sources, NoteDocument notes)
{
    public async Task<JsonObject?> RenderAsync(string username, long statusId, bool activity, CancellationToken ct = default)
    {
        if (await actors.FindAsync(username, ct) is not { } author) return null;
        if (await statuses.FindAsync(statusId, ct) is not { } status || status.AccountId != author.Id || status.ReblogOfId is not null
            || status.Visibility is not (StatusVisibility.Public or StatusVisibility.Unlisted))
            return null;
        if (await sources.LoadAsync(status, ct) is not { } source) return null;
        return activity ? notes.RenderCreate(source) : notes.Render(source);
    }
}
