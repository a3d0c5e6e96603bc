using System.CommandLine;
using Fedi.Core.Contracts;

namespace Fedi.Core.Cli;

/// <summary><c>jobs</c>: the job engine's state and its retry/dead sets and queues, from any executable.</summary>
internal static class JobsCommand
{
    public static Command Create(string tier) => new("jobs", "Inspect and manage background jobs.")
    {
        JobsStatsCommand.Create(tier),
        JobSetCommands.Dead(tier),
        JobSetCommands.Retries(tier),
        new Command("queue", "Manage queues.") { QueueClear(tier) },
    };

    private static Command QueueClear(string tier)
    {
        var name = new Argument<string>("name") { Description = "Queue name, e.g. default." };
        var command = new Command("clear", "Delete every job waiting in a queue.") { name };
        command.SetAction((r, _) => CliRedis.RunAsync(tier, async redis =>
        {
            var queue = r.GetValue(name)!;
            var transaction = redis.Database.CreateTransaction();
            var size = transaction.ListLengthAsync(SidekiqKeys.Queue(queue));
            var deleted = transaction.KeyDeleteAsync(SidekiqKeys.Queue(queue));
            var forgotten = transaction.SetRemoveAsync(SidekiqKeys.Queues, queue);
            await transaction.ExecuteAsync();
            await Task.WhenAll(deleted, forgotten);
            Console.WriteLine($"cleared {await size} job(s) from queue {queue}");
            return 0;
        }));
        return command;
    }
}
