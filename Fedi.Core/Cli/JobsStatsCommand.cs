using System.CommandLine;
using System.Globalization;
using Fedi.Core.Jobs;

namespace Fedi.Core.Cli;

/// <summary><c>jobs stats</c>: Sidekiq's dashboard numbers, queues with latency, and the live processes.</summary>
internal static class JobsStatsCommand
{
    public static Command Create(string tier)
    {
        var command = new Command("stats", "Show job counters, queues (size, latency) and live worker processes.");
        command.SetAction((_, _) => CliRedis.RunAsync(tier, async redis =>
        {
            var s = await new JobStatsReader(redis, TimeProvider.System).ReadAsync();
            Console.WriteLine($"processed: {s.Processed} (today {s.ProcessedToday})");
            Console.WriteLine($"failed:    {s.Failed} (today {s.FailedToday})");
            Console.WriteLine($"busy: {s.Busy}  retries: {s.Retries}  scheduled: {s.Scheduled}  dead: {s.Dead}");
            Console.WriteLine();
            TextTable.Write(["QUEUE", "SIZE", "LATENCY"],
                s.Queues.Select(q => (IReadOnlyList<string>)[q.Name, N(q.Size), TextTable.Seconds(q.LatencySeconds)]));
            Console.WriteLine();
            TextTable.Write(["PROCESS", "BUSY", "CONCURRENCY", "DB_POOL", "BEAT AGE", "QUIET"],
                s.Processes.Select(p => (IReadOnlyList<string>)[p.Identity, N(p.Busy), N(p.Concurrency),
                    p.DbPool is { } pool ? N(pool) : "-", TextTable.Seconds(p.BeatAgeSeconds), p.Quiet ? "yes" : "no"]));
            return 0;
        }));
        return command;
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
