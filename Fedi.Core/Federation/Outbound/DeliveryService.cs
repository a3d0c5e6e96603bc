using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Fetching;
using Fedi.Core.Federation.Keys;
using Fedi.Core.Federation.Signatures;
using Npgsql;
using Dapper;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Delivers one activity to one inbox (Mastodon's ActivityPub::DeliveryWorker): signed (draft-cavage) with the local
/// source account's key, POSTed through the guarded client. 2xx is done; a 4xx other than 429 will never succeed, so it
/// is given up (<see cref="PermanentJobException"/>); anything else throws to be retried.
/// </summary>
public sealed class DeliveryService(GuardedHttpClient http, AccountKeyStore keys, LocalUris uris, NpgsqlDataSource db, TimeProvider clock)
{
    public async Task DeliverAsync(DeliveryJob job, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(job.InboxUrl, UriKind.Absolute, out var inbox)) throw new PermanentJobException($"Bad inbox URL {job.InboxUrl}");
        var username = await UsernameAsync(job.SourceAccountId, ct) ?? throw new PermanentJobException($"No local account {job.SourceAccountId}");
        var pair = await keys.FindOrCreateLocalAsync(job.SourceAccountId, ct);
        if (pair?.PrivateKeyPem is not { } pem) throw new PermanentJobException($"Account {job.SourceAccountId} has no private key");
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var body = Encoding.UTF8.GetBytes(job.Json);
        var keyId = uris.KeyId(uris.ActorOf(job.SourceAccountId, username));
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
        if (response.Status is >= 400 and < 500 and not 429)
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
