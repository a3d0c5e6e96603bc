using System.CommandLine;
using Fedi.Core.Instance;

namespace Fedi.Core.Cli;

/// <summary><c>rules add|list|remove</c>: the server rules apps show at sign-up and in /api/v1/instance/rules.</summary>
internal static class RulesCommand
{
    public static Command Create(string tier)
    {
        var command = new Command("rules", "List, add or remove the server's rules.");
        command.Subcommands.Add(List(tier));
        command.Subcommands.Add(Add(tier));
        command.Subcommands.Add(Remove(tier));
        return command;
    }

    private static Command List(string tier)
    {
        var command = new Command("list", "Show the rules in the order apps show them.");
        command.SetAction((_, ct) => WithStore(tier, async store =>
        {
            var rows = (await store.ListAsync(ct)).Select(r => (IReadOnlyList<string>)[r.Id.ToString(), r.Priority.ToString(), r.Text, r.Hint]);
            TextTable.Write(["id", "priority", "text", "hint"], rows);
            return 0;
        }));
        return command;
    }

    private static Command Add(string tier)
    {
        var text = new Argument<string>("text") { Description = "The rule, as users read it." };
        var hint = new Option<string?>("--hint") { Description = "A longer explanation." };
        var priority = new Option<int>("--priority") { Description = "Lower comes first (default 0, then oldest first)." };
        var command = new Command("add", "Add a rule.") { text, hint, priority };
        command.SetAction((result, ct) => WithStore(tier, async store =>
        {
            var value = result.GetValue(text)!.Trim();
            if (value.Length is 0 or > 300)
            {
                await Console.Error.WriteLineAsync("A rule needs 1 to 300 characters.");
                return 2;
            }
            var rule = await store.AddAsync(value, result.GetValue(hint)?.Trim() ?? "", result.GetValue(priority), ct);
            Console.WriteLine($"Added rule {rule.Id}.");
            return 0;
        }));
        return command;
    }

    private static Command Remove(string tier)
    {
        var id = new Argument<long>("id") { Description = "The rule's id (see rules list)." };
        var command = new Command("remove", "Remove a rule.") { id };
        command.SetAction((result, ct) => WithStore(tier, async store =>
        {
            if (await store.RemoveAsync(result.GetValue(id), ct))
            {
                Console.WriteLine($"Removed rule {result.GetValue(id)}.");
                return 0;
            }
            await Console.Error.WriteLineAsync($"No rule {result.GetValue(id)}.");
            return 1;
        }));
        return command;
    }

    private static Task<int> WithStore(string tier, Func<InstanceRuleStore, Task<int>> run) =>
        FediCommandLine.WithDatabase(tier, db => run(new InstanceRuleStore(db)));
}
