using System.Collections.Concurrent;

namespace Fedi.Core.Federation.Availability;

/// <summary>
/// Mastodon's DeliveryFailureTracker in front of <see cref="DeliveryDomainStore"/>, cheap on the hot path: the domains
/// in trouble (failure days, or unavailable) are read at most every <see cref="RefreshInterval"/>; a failure is written
/// once per domain and day by each process; a success or a signed request clears a domain only when it is in trouble,
/// and otherwise stamps the last success at most once a minute. So a thousand deliveries to healthy inboxes, or a
/// thousand signed requests, cost no database write each.
/// </summary>
public sealed class DeliveryHealth(DeliveryDomainStore store, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StampInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _stampedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Domain, DateOnly Day), bool> _failedOn = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private ConcurrentDictionary<string, bool> _troubled = new(StringComparer.Ordinal);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The key an inbox URL is tracked under: its authority (host, and a port that is not the default), lower case.</summary>
    public static string DomainOf(Uri url) => url.Authority.ToLowerInvariant();

    public async Task<bool> IsUnavailableAsync(string domain, CancellationToken ct = default) =>
        (await TroubledAsync(ct)).TryGetValue(domain, out var unavailable) && unavailable;

    public async Task RecordFailureAsync(string domain, CancellationToken ct = default)
    {
        _stampedAt.TryRemove(domain, out _);
        if (!_failedOn.TryAdd((domain, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), true)) return;
        var unavailable = await store.RecordFailureAsync(domain, ct);
        _troubled.AddOrUpdate(domain, unavailable, (_, was) => was || unavailable);
    }

    /// <summary>A delivery to <paramref name="domain"/> succeeded (<paramref name="delivered"/>), or it sent a signed request.</summary>
    public async Task RecordAliveAsync(string domain, bool delivered, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var troubled = (await TroubledAsync(ct)).ContainsKey(domain);
        if (!troubled && (!delivered || (_stampedAt.TryGetValue(domain, out var at) && now - at < StampInterval))) return;
        await store.ClearAsync(domain, delivered, ct);
        if (delivered) _stampedAt[domain] = now;
        _troubled.TryRemove(domain, out _);
        foreach (var key in _failedOn.Keys.Where(k => k.Domain == domain)) _failedOn.TryRemove(key, out _);
    }

    private async Task<ConcurrentDictionary<string, bool>> TroubledAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _readAt <= RefreshInterval) return _troubled;
        // Callers wait for the one refresh rather than act on a stale answer (a delivery to a domain just marked unavailable).
        await _refresh.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _readAt <= RefreshInterval) return _troubled;
            var rows = await store.ListTroubledAsync(ct);
            _troubled = new ConcurrentDictionary<string, bool>(rows.Select(r => KeyValuePair.Create(r.Domain, r.Unavailable)), StringComparer.Ordinal);
            _readAt = clock.GetUtcNow();
        }
        finally
        {
            _refresh.Release();
        }
        return _troubled;
    }
}
