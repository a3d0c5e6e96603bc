using Fedi.Worker.Engine;

namespace Fedi.Worker.Maintenance;

/// <summary>Drops <c>processes</c> members whose heartbeat hash expired and puts their in-progress jobs back —
/// the same recovery every worker runs on its own, here guaranteed once a minute even when the survivors'
/// loops are busy or stopped.</summary>
public sealed class ProcessesCleanupTask(ProcessRecovery recovery) : IMaintenanceTask
{
    public string Name => "processes-cleanup";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var recovered = await recovery.RecoverDeadProcessesAsync();
        return $"recovered {recovered} job(s) from dead processes";
    }
}
