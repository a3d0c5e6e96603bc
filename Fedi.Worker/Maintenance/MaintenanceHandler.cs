using System.Diagnostics;
using System.Text.Json;
using Fedi.Core.Contracts;
using Fedi.Core.Jobs;
using Fedi.Worker.Engine;
using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Maintenance;

/// <summary><c>Fedi::MaintenanceWorker</c> [task_name]: runs the task and records its time, duration and outcome.</summary>
public sealed class MaintenanceHandler(
    IEnumerable<IMaintenanceTask> tasks,
    MaintenanceRecords records,
    ProcessIdentity identity,
    TimeProvider time,
    ILogger<MaintenanceHandler> logger) : IJobHandler
{
    private readonly Dictionary<string, IMaintenanceTask> _tasks = tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public string JobClass => JobNames.Maintenance;

    public async Task PerformAsync(JsonElement args, CancellationToken ct)
    {
        var name = JobArgs.String(args, 0);
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
