using System.Text.Json.Nodes;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Jobs;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Answers a remote Follow with Accept{Follow} to the follower's inbox, as a signed delivery job.</summary>
public sealed class AcceptFollowService(InboxStore store, LocalUris uris, JobClient jobs)
{
    public async Task AcceptAsync(InboxActivity follow, long localAccountId, string localUsername, CancellationToken ct = default)
    {
        if (await store.InboxOfAsync(follow.ActorId, ct) is not { } inbox) return;
        var actor = uris.Actor(localUsername);
        var accept = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams",
            ["id"] = $"{actor}#accepts/follows/{Guid.NewGuid():N}",
            ["type"] = "Accept",
            ["actor"] = actor,
            ["object"] = new JsonObject
            {
                ["id"] = follow.Id,
                ["type"] = "Follow",
                ["actor"] = follow.ActorUri,
                ["object"] = actor,
            },
        };
        await jobs.EnqueueAsync(new DeliveryJob(accept.ToJsonString(), localAccountId, inbox));
    }
}
