using System.Text.Json;
using Fedi.Core.Federation.Remote;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Move of the actor to another account (Mastodon's ActivityPub::Activity::Move): recorded as the account's
/// <c>moved_to</c> once the target's own document names the actor in <c>alsoKnownAs</c>, so nobody can claim another's
/// followers by announcing a move. Followers are not migrated yet.
/// </summary>
public sealed class MoveActivityHandler(SignedFetcher fetcher, RemoteAccountStore accounts, AccountMoveStore moves) : IActivityHandler
{
    public string Type => "Move";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectId != activity.ActorUri || InboxActivity.Str(activity.Root, "target") is not { } target
            || target == activity.ActorUri || !Uri.TryCreate(target, UriKind.Absolute, out var targetUri)) return;
        if (await fetcher.FetchAsync(targetUri, ct) is not { } fetched || !AlsoKnownAs(fetched.Document, activity.ActorUri)
            || ActorParser.Parse(fetched.Document, fetched.Url) is not { } actor || actor.Uri != target) return;
        var targetId = await accounts.UpsertAsync(actor, ct);
        await moves.SetMovedToAsync(activity.ActorId, targetId, ct);
    }

    private static bool AlsoKnownAs(JsonElement document, string uri) =>
        document.TryGetProperty("alsoKnownAs", out var aliases) && aliases.ValueKind switch
        {
            JsonValueKind.String => aliases.GetString() == uri,
            JsonValueKind.Array => aliases.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == uri),
            _ => false,
        };
}
