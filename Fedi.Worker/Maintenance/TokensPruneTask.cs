namespace Fedi.Worker.Maintenance;

/// <summary>Deletes access tokens revoked over a day ago (the day leaves streaming time to see the revocation)
/// and authorization grants that are expired or revoked.</summary>
public sealed class TokensPruneTask(MaintenanceStore store, TimeProvider time) : IMaintenanceTask
{
    public string Name => "tokens-prune";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var (tokens, grants) = await store.DeleteStaleOAuthRowsAsync(time.GetUtcNow().UtcDateTime.AddDays(-1), ct);
        return $"deleted {tokens} revoked token(s) and {grants} stale grant(s)";
    }
}
