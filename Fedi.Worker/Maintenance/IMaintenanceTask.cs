namespace Fedi.Worker.Maintenance;

/// <summary>One built-in maintenance task, named as in <see cref="Fedi.Core.Jobs.MaintenanceSchedule.Tasks"/>.
/// Runs as a <c>Fedi::MaintenanceWorker</c> job in whichever process fetches it; must be safe to run twice.</summary>
public interface IMaintenanceTask
{
    string Name { get; }

    /// <returns>a short summary for the log, e.g. "deleted 12 feeds".</returns>
    Task<string> RunAsync(CancellationToken ct);
}
