using System.Diagnostics;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Worker.Engine;
using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Maintenance;

/// <summary><see cref="MaintenanceJob"/>: runs the task and records its time, duration and outcome.</summary>
public sealed class MaintenanceHandler(
    IEnumerable<IMaintenanceTask> tasks,
    MaintenanceRecords records,
    ProcessIdentity identity,
    TimeProvider time,
    ILogger<MaintenanceHandler> logger) : JobHandler<MaintenanceJob>
{
    private readonly Dictionary<string, IMaintenanceTask> _tasks = tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public override async Task PerformAsync(MaintenanceJob job, CancellationToken ct)
    {
        var name = job.Task;
        if (!_tasks.TryGetValue(name, out var task)) throw new PermanentJobException($"no maintenance task '{name}'");
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        try
        {
            var summary = await task.RunAsync(ct);
            await records.RecordRunAsync(name, started, clock.Elapsed, "ok", identity.Identity);
            logger.TaskRan(name, summary, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await records.RecordRunAsync(name, started, clock.Elapsed, $"error: {e.Message}", identity.Identity);
            throw;
        }
    }
}
