namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Relationship entity: how the viewer and one account relate (REST::RelationshipSerializer).</summary>
public sealed record ApiRelationship
{
    public required string Id { get; init; }
    public bool Following { get; init; }
    public bool ShowingReblogs { get; init; }
    public bool Notifying { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public bool FollowedBy { get; init; }
    public bool Blocking { get; init; }
    public bool BlockedBy { get; init; }
    public bool Muting { get; init; }
    public bool MutingNotifications { get; init; }
    public string? MutingExpiresAt { get; init; }
    public bool Requested { get; init; }
    public bool RequestedBy { get; init; }
    public bool DomainBlocking { get; init; }
    public bool Endorsed { get; init; }
    public string Note { get; init; } = "";
}
