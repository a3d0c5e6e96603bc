using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// Fedi::TestJob [key, behaviour, token?]: a diagnostic job whose behaviour ("ok", "fail", "permanent",
/// "sleep:ms") the caller chooses, so the engine's tests can drive the real worker process; each run is recorded
/// under <see cref="Key"/> with <see cref="Token"/> ("run" when absent). Enqueued by tests only; run by
/// <c>TestJobHandler</c>, registered only with FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed record TestJob(string Key, string Behaviour, string? Token = null) : IJob<TestJob>
{
    public static string Class => "Fedi::TestJob";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static TestJob FromArgs(JsonElement args) =>
        new(JobArgs.String(args, 0), JobArgs.String(args, 1), JobArgs.OptionalString(args, 2));

    public JsonNode?[] ToArgs() => Token is null ? [Key, Behaviour] : [Key, Behaviour, Token];
}
