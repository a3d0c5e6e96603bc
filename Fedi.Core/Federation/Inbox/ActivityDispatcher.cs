using Microsoft.Extensions.Logging;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Routes a processed inbox activity to its type's handler (Mastodon's ActivityPub::ProcessingWorker and
/// Activity.factory). Activities that cannot be read, or of a type not handled, are dropped with a debug log: a
/// peer sends many types this server does not act on, and retrying them would not help.
/// </summary>
public sealed class ActivityDispatcher(IEnumerable<IActivityHandler> handlers, ILogger<ActivityDispatcher> logger)
{
    private readonly Dictionary<string, IActivityHandler> _byType = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public async Task DispatchAsync(long actorId, string json, long? deliveredTo, CancellationToken ct = default)
    {
        var activity = InboxActivity.Parse(actorId, json, deliveredTo);
        if (activity is null)
        {
            logger.LogDebug("Ignored an unreadable activity from account {ActorId}", actorId);
            return;
        }
        if (!_byType.TryGetValue(activity.Type, out var handler))
        {
            logger.LogDebug("Ignored a {Type} activity {Id} from account {ActorId}", activity.Type, activity.Id, actorId);
            return;
        }
        await handler.HandleAsync(activity, ct);
    }
}
