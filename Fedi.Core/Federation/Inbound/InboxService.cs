using System.Text.Json;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Contracts;
using Fedi.Core.Errors;
using Fedi.Core.Federation.Availability;
using Fedi.Core.Federation.Signatures;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Federation.Inbound;

/// <summary>
/// Takes an activity posted to an inbox (Mastodon's InboxesController): the signature verified first, the signer
/// must be the activity's actor, then enqueued on ingress once per activity id. The signer's domain counts as available again. Nothing heavier happens here.
/// </summary>
public sealed class InboxService(RequestSignatureService signatures, JobClient jobs, RedisConnection redis, DeliveryHealth health)
{
    /// <summary>Throws <see cref="SignatureException"/> (401/503) or <see cref="ApiException"/> (400) when refused.</summary>
    public async Task AcceptAsync(SignedRequest request, long? deliveredTo, CancellationToken ct = default)
    {
        var signer = await signatures.VerifyAsync(request, ct);
        string? id, actor;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("Activity must be a JSON object");
            id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            actor = root.TryGetProperty("actor", out var a) ? a.ValueKind switch
            {
                JsonValueKind.String => a.GetString(),
                JsonValueKind.Object when a.TryGetProperty("id", out var ai) && ai.ValueKind == JsonValueKind.String => ai.GetString(),
                _ => null,
            } : null;
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("Activity is not valid JSON");
        }
        // Relayed activities (actor other than the signer) would need a Linked Data signature, which is not checked yet.
        if (actor != signer.Uri) throw new SignatureException("Signer is not the activity's actor");
        // A domain that signs a request is up (Mastodon's upgrade_account resets its delivery failures).
        if (Uri.TryCreate(signer.Uri, UriKind.Absolute, out var signerUri)) await health.RecordAliveAsync(DeliveryHealth.DomainOf(signerUri), delivered: false, ct);
        if (id is not null && !await redis.Database.StringSetAsync(RedisKeys.ActivityAccepted(id), "1", RedisKeys.ActivityAcceptedTtl, When.NotExists))
            return;
        await jobs.EnqueueAsync(new ProcessingJob(signer.AccountId, System.Text.Encoding.UTF8.GetString(request.Body), deliveredTo));
    }
}
