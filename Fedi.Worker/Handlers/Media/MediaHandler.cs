using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Media;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Media;

/// <summary><see cref="MediaJob"/>: processes an upload the request left for the worker.</summary>
public sealed class MediaHandler(ProcessMediaService service) : JobHandler<MediaJob>
{
    public override Task PerformAsync(MediaJob job, CancellationToken ct) => service.ProcessAsync(job.MediaAttachmentId, ct);
}
