using Fedi.Core.Media;

namespace Fedi.Worker.Maintenance;

/// <summary>Removes uploads never attached to a status within a day of their upload.</summary>
public sealed class MediaOrphansTask(RemoveOrphanedMediaService service, TimeProvider time) : IMaintenanceTask
{
    public string Name => "media-remove-orphans";

    public async Task<string> RunAsync(CancellationToken ct) =>
        $"removed {await service.RemoveAsync(time.GetUtcNow().UtcDateTime.AddDays(-1), ct)} unattached upload(s)";
}
