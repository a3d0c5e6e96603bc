using System.CommandLine;
using System.Globalization;
using Fedi.Core.Announcements;

namespace Fedi.Core.Cli;

/// <summary><c>announcements add|list|remove</c>: what every user's app shows from GET /api/v1/announcements.</summary>
internal static class AnnouncementsCommand
{
    public static Command Create(string tier)
    {
        var command = new Command("announcements", "List, add or remove announcements to every user.");
        command.Subcommands.Add(List(tier));
        command.Subcommands.Add(Add(tier));
        command.Subcommands.Add(Remove(tier));
        return command;
    }

    private static Command List(string tier)
    {
        var command = new Command("list", "Show every announcement, ended ones too.");
        command.SetAction((_, ct) => WithStore(tier, async store =>
        {
            var rows = (await store.ListAllAsync(ct)).Select(a => (IReadOnlyList<string>)
                [a.Id.ToString(CultureInfo.InvariantCulture), Format(a.StartsAt), Format(a.EndsAt), a.Text]);
            TextTable.Write(["id", "starts", "ends", "text"], rows);
            return 0;
        }));
        return command;
    }

    private static Command Add(string tier)
    {
        var text = new Argument<string>("text") { Description = "The announcement (links, #hashtags and line breaks are formatted)." };
        var starts = new Option<DateTime?>("--starts-at") { Description = "When the event it announces starts (UTC)." };
        var ends = new Option<DateTime?>("--ends-at") { Description = "When it ends (UTC); apps stop showing it then." };
        var allDay = new Option<bool>("--all-day") { Description = "The event lasts whole days." };
        var command = new Command("add", "Publish an announcement now.") { text, starts, ends, allDay };
        command.SetAction((result, ct) => WithStore(tier, async store =>
        {
            var value = result.GetValue(text)!.Trim();
            if (value.Length is 0 or > 5000)
            {
                await Console.Error.WriteLineAsync("An announcement needs 1 to 5,000 characters.");
                return 2;
            }
            var added = await store.AddAsync(value, Utc(result.GetValue(starts)), Utc(result.GetValue(ends)), result.GetValue(allDay), ct);
            Console.WriteLine($"Published announcement {added.Id}.");
            return 0;
        }));
        return command;
    }

    private static Command Remove(string tier)
    {
        var id = new Argument<long>("id") { Description = "The announcement's id (see announcements list)." };
        var command = new Command("remove", "Remove an announcement with its reactions.") { id };
        command.SetAction((result, ct) => WithStore(tier, async store =>
        {
            if (await store.RemoveAsync(result.GetValue(id), ct))
            {
                Console.WriteLine($"Removed announcement {result.GetValue(id)}.");
                return 0;
            }
            await Console.Error.WriteLineAsync($"No announcement {result.GetValue(id)}.");
            return 1;
        }));
        return command;
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private static string Format(DateTime? value) => value?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static Task<int> WithStore(string tier, Func<AnnouncementStore, Task<int>> run) =>
        FediCommandLine.WithDatabase(tier, db => run(new AnnouncementStore(db)));
}
