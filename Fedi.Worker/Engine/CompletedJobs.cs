using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Engine;

/// <summary>
/// Jobs that ran successfully leave the in-progress list in batches: executors hand them over here and go
/// on with the next job, and <see cref="RunAsync"/> removes everything handed over since its last write in
/// one script call. Until then the job is still in the list, so a crash in between runs it again (at least
/// once, as any job that finished just before a crash) but never loses it.
/// </summary>
public sealed class CompletedJobs(ReliableFetch fetch, UniqueJobs unique, ILogger<CompletedJobs> logger)
{
    /// <summary>Most jobs removed by one script call (each is one argument of the call).</summary>
    public const int MaxBatch = 500;

    /// <summary>How long a small batch waits for more: a burst of successes then shares one wake-up and one
    /// round trip instead of a handful each, for a millisecond more in the in-progress list.</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(1);

    private readonly Channel<(FetchedJob Job, string? UniqueDigest, string Jid)> _done =
        Channel.CreateUnbounded<(FetchedJob, string?, string)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Jobs handed over and not yet taken into a batch (the single-reader channel does not count).</summary>
    private int _waiting;

    /// <summary>Records a success; <paramref name="uniqueDigest"/>, when set, is the job's until-executed lock,
    /// released once the job has left the in-progress list.</summary>
    public void Add(FetchedJob job, string? uniqueDigest, string jid)
    {
        Interlocked.Increment(ref _waiting);
        _done.Writer.TryWrite((job, uniqueDigest, jid));
    }

    /// <summary>No more jobs will be handed over: <see cref="RunAsync"/> writes what it has and ends.</summary>
    public void Close() => _done.Writer.TryComplete();

    /// <summary>Runs until <see cref="Close"/>; not cancellable, so no handed-over job is left unwritten.</summary>
    public async Task RunAsync()
    {
        var reader = _done.Reader;
        var batch = new List<(FetchedJob Job, string? UniqueDigest, string Jid)>(MaxBatch);
        var jobs = new List<FetchedJob>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            if (Volatile.Read(ref _waiting) < MaxBatch / 8) await Task.Delay(Gather);
            while (batch.Count < MaxBatch && reader.TryRead(out var done))
            {
                batch.Add(done);
                jobs.Add(done.Job);
            }
            Interlocked.Add(ref _waiting, -batch.Count);
            try
            {
                await fetch.CompleteAsync(jobs);
            }
            catch (Exception e)
            {
                // They stay in the list, no longer held: the fetch loop's reclaim puts them back and they run again.
                logger.SettleBatchFailed(e, batch.Count);
                fetch.MarkForReclaim();
            }
            finally
            {
                fetch.Release(jobs);
            }
            foreach (var (_, digest, jid) in batch)
                if (digest is not null) await unique.ReleaseAsync(digest, jid);
            batch.Clear();
            jobs.Clear();
        }
    }
}
