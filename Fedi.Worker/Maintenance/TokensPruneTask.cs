using Fedi.Core.OAuth;

namespace Fedi.Worker.Maintenance;

/// <summary>Deletes access tokens revoked over a day ago (the day leaves streaming time to see the revocation)
/// and authorization grants that are expired or revoked.</summary>
public sealed class TokensPruneTask(AccessTokenStore tokens, AccessGrantStore grants, TimeProvider time) : IMaintenanceTask
{
    public string Name => "tokens-prune";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var deletedTokens = await tokens.DeleteRevokedAsync(time.GetUtcNow().UtcDateTime.AddDays(-1), ct);
        var deletedGrants = await grants.DeleteStaleAsync(ct);
        return $"deleted {deletedTokens} revoked token(s) and {deletedGrants} stale grant(s)";
    }
}
