namespace Fedi.Worker.Engine;

/// <summary>A job taken from <paramref name="Queue"/>: <paramref name="Raw"/> is the exact JSON string, which
/// also sits in this process's in-progress list until the job is settled.</summary>
public sealed record FetchedJob(string Queue, string Raw);
