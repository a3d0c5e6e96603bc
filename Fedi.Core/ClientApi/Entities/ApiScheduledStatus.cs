using Fedi.Core.ScheduledStatuses;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's ScheduledStatus entity: the post's parameters as they will be published.</summary>
public sealed record ApiScheduledStatus(string Id, string ScheduledAt, ScheduledStatusParams Params, IReadOnlyList<object> MediaAttachments);
