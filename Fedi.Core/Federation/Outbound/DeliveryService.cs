using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Availability;
using Fedi.Core.Federation.Fetching;
using Fedi.Core.Federation.Keys;
using Fedi.Core.Federation.Signatures;
using Microsoft.Extensions.Logging;
using Npgsql;
using Dapper;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Delivers one activity to one inbox (Mastodon's ActivityPub::DeliveryWorker): signed (draft-cavage) with the local
/// source account's key, POSTed through the guarded client and the host's circuit breaker (<see cref="HostCircuits"/>).
/// A domain marked unavailable is skipped. 2xx is done and clears the domain's failures; a 4xx other than 401, 408 and
/// 429 will never succeed, so it is given up (<see cref="PermanentJobException"/>) without counting against the
/// domain; anything else (5xx, refused, timed out, circuit open) is a failure day for the domain and throws to be retried.
/// </summary>
public sealed class DeliveryService(
    GuardedHttpClient http, AccountKeyStore keys, LocalUris uris, NpgsqlDataSource db, TimeProvider clock, DeliveryHealth health,
    HostCircuits circuits, ILogger<DeliveryService> logger)
{
    public async Task DeliverAsync(DeliveryJob job, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(job.InboxUrl, UriKind.Absolute, out var inbox)) throw new PermanentJobException($"Bad inbox URL {job.InboxUrl}");
        var domain = DeliveryHealth.DomainOf(inbox);
        if (await health.IsUnavailableAsync(domain, ct))
        {
            logger.LogDebug("Skipped a delivery to {Inbox}: {Domain} is unavailable", inbox, domain);
            return;
        }
        var username = await UsernameAsync(job.SourceAccountId, ct) ?? throw new PermanentJobException($"No local account {job.SourceAccountId}");
        var pair = await keys.FindOrCreateLocalAsync(job.SourceAccountId, ct);
        if (pair?.PrivateKeyPem is not { } pem) throw new PermanentJobException($"Account {job.SourceAccountId} has no private key");
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var keyId = uris.KeyId(uris.ActorOf(job.SourceAccountId, username));
        try
        {
            await circuits.For(domain).ExecuteAsync(async token => await PostAsync(inbox, Encoding.UTF8.GetBytes(job.Json), keyId, rsa, token), ct);
        }
        catch (Exception e) when (e is not PermanentJobException && !ct.IsCancellationRequested)
        {
            await health.RecordFailureAsync(domain, CancellationToken.None);
            throw;
        }
        await health.RecordAliveAsync(domain, delivered: true, CancellationToken.None);
    }

    private async Task PostAsync(Uri inbox, byte[] body, string keyId, RSA rsa, CancellationToken ct)
    {
        RemoteResponse response;
        try
        {
            response = await http.SendAsync(inbox, hop =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, hop) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ActivityContext.MediaType);
                foreach (var (name, value) in CavageSignature.Sign("POST", hop, body, keyId, rsa, clock.GetUtcNow()))
                    if (name is not ("host" or "content-type")) request.Headers.TryAddWithoutValidation(name, value);
                return request;
            }, ct);
        }
        catch (RemoteRequestException e) when (e.Permanent)
        {
            throw new PermanentJobException($"Delivery to {inbox} refused: {e.Message}", e);
        }
        if (response.IsSuccess) return;
        if (response.Status is >= 400 and < 500 and not (401 or 408 or 429))
            throw new PermanentJobException($"Delivery to {inbox} answered {response.Status}");
        throw new HttpRequestException($"Delivery to {inbox} answered {response.Status}");
    }

    private async Task<string?> UsernameAsync(long accountId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT username FROM accounts WHERE id = @accountId AND domain IS NULL", new { accountId }, cancellationToken: ct));
    }
}
