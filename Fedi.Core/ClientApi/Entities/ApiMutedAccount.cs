using System.Diagnostics.CodeAnalysis;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>An Account in GET /api/v1/mutes: Mastodon's MutedAccountSerializer adds when the mute ends.</summary>
public sealed record ApiMutedAccount : ApiAccount
{
    [SetsRequiredMembers]
    public ApiMutedAccount(ApiAccount account) : base(account) { }

    public string? MuteExpiresAt { get; init; }
}
