using System.CommandLine;
using Fedi.Core.Contracts;
using Fedi.Core.Jobs;

namespace Fedi.Core.Cli;

/// <summary><c>jobs dead …</c> and <c>jobs retries …</c>: list, retry now, delete — by jid or --all.</summary>
internal static class JobSetCommands
{
    public static Command Create(string tier, string name, string set, string what)
    {
        var limit = new Option<int>("--limit") { Description = "Most entries shown (newest first).", DefaultValueFactory = _ => 25 };
        var list = new Command("list", $"List {what}, newest first.") { limit };
        list.SetAction((r, _) => CliRedis.RunAsync(tier, async redis =>
        {
            var entries = await new JobSets(redis, TimeProvider.System).ListAsync(set, Math.Max(1, r.GetValue(limit)));
            TextTable.Write(["JID", "CLASS", "AT", "QUEUE", "ERROR"], entries.Select(e => (IReadOnlyList<string>)
                [e.Jid == "" ? "(unreadable)" : e.Jid, e.Class, TextTable.Time(e.At), e.Job?["queue"]?.ToString() ?? "-", OneLine(e.Error)]));
            return 0;
        }));
        return new Command(name, $"Inspect and act on {what}.")
        {
            list,
            Act(tier, "retry", $"Put {what} back on their queue now.", set, (sets, jid) => sets.RetryAsync(set, jid), "re-queued"),
            Act(tier, "delete", $"Delete {what}.", set, (sets, jid) => sets.DeleteAsync(set, jid), "deleted"),
        };
    }

    public static Command Dead(string tier) => Create(tier, "dead", SidekiqKeys.Dead, "jobs in the dead set");

    public static Command Retries(string tier) => Create(tier, "retries", SidekiqKeys.Retry, "jobs waiting for a retry");

    private static Command Act(string tier, string verb, string description, string set, Func<JobSets, string?, Task<int>> act, string done)
    {
        var jid = new Argument<string?>("jid") { Description = "The job's jid.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every job in the set." };
        var command = new Command(verb, description) { jid, all };
        command.SetAction((r, _) => CliRedis.RunAsync(tier, async redis =>
        {
            var (one, every) = (r.GetValue(jid), r.GetValue(all));
            if (one is null == !every)
            {
                await Console.Error.WriteLineAsync("give either a jid or --all");
                return 2;
            }
            var count = await act(new JobSets(redis, TimeProvider.System), one);
            Console.WriteLine($"{done} {count} job(s) from {set}");
            return one is not null && count == 0 ? 1 : 0;
        }));
        return command;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ") is var s && s.Length > 80 ? s[..80] + "…" : text.ReplaceLineEndings(" ");
}
