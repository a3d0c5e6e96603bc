using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// PostProcessMediaWorker [media_attachment_id] (Mastodon's name, retry 1): processes an upload stored as it came
/// (video, audio, animated GIFs, images sent to /api/v2/media that were not processed in the request). Enqueued by
/// <c>UploadMediaService</c> through the job outbox; run by <c>MediaHandler</c> (<c>ProcessMediaService.ProcessAsync</c>),
/// which marks the attachment failed when the file cannot be processed.
/// </summary>
public sealed record MediaJob(long MediaAttachmentId) : IJob<MediaJob>
{
    public static string Class => "PostProcessMediaWorker";
    public static string Queue => QueueNames.Media;
    public static JobRetry Retry { get; } = new(true, 1);

    public static MediaJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0));

    public JsonNode?[] ToArgs() => [MediaAttachmentId];
}
