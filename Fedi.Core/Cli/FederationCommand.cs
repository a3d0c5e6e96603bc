using System.CommandLine;
using System.Globalization;
using Fedi.Core.Federation.Availability;

namespace Fedi.Core.Cli;

/// <summary><c>federation domains|reset</c>: the remote domains this server knows and their delivery health.</summary>
internal static class FederationCommand
{
    public static Command Create(string tier)
    {
        var command = new Command("federation", "Review remote domains and their delivery health.");
        command.Subcommands.Add(Domains(tier));
        command.Subcommands.Add(Reset(tier));
        return command;
    }

    private static Command Domains(string tier)
    {
        var command = new Command("domains", "Every known domain: accounts, followers, last successful delivery, failure days, unavailable since.");
        command.SetAction((_, ct) => WithStore(tier, async store =>
        {
            static string When(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
            var rows = (await store.ListAsync(ct)).Select(d => (IReadOnlyList<string>)
                [d.Domain, d.Accounts.ToString(CultureInfo.InvariantCulture), d.Followers.ToString(CultureInfo.InvariantCulture),
                 When(d.LastSuccessAt), d.FailureDays.ToString(CultureInfo.InvariantCulture), When(d.UnavailableSince)]);
            TextTable.Write(["domain", "accounts", "followers", "last success", "failures", "unavailable since"], rows);
            return 0;
        }));
        return command;
    }

    private static Command Reset(string tier)
    {
        var domain = new Argument<string>("domain") { Description = "The domain (host, and port when not the default), as domains lists it." };
        var command = new Command("reset", "Forget a domain's delivery failures and mark it available.") { domain };
        command.SetAction((result, ct) => WithStore(tier, async store =>
        {
            var name = result.GetValue(domain)!.Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                await Console.Error.WriteLineAsync("A domain is required.");
                return 2;
            }
            await store.ClearAsync(name, delivered: false, ct);
            Console.WriteLine($"Marked {name} available; workers see it within {DeliveryHealth.RefreshInterval.TotalSeconds:0} s.");
            return 0;
        }));
        return command;
    }

    private static Task<int> WithStore(string tier, Func<DeliveryDomainStore, Task<int>> run) =>
        FediCommandLine.WithDatabase(tier, db => run(new DeliveryDomainStore(db)));
}
