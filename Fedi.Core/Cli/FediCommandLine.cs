using System.CommandLine;
using Fedi.Core.Accounts;
using Fedi.Core.Cli;
using Fedi.Core.Configuration;
using Fedi.Core.Data;
using Fedi.Core.Errors;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Fedi.Core.Cli;

/// <summary>
/// The command line every executable shares: no arguments runs the tier's server; <c>migrate</c> and
/// <c>accounts create|modify</c>, <c>jobs …</c>, <c>maintenance …</c> and (web) <c>routes</c> are operator commands. Settings errors end the process naming the setting.
/// </summary>
public static class FediCommandLine
{
    public delegate Task<int> Server(FediSettings settings, CancellationToken ct);

    /// <param name="defaultPool">the PostgreSQL pool the server needs when DB_POOL is not set, read after the
    /// <paramref name="serverOptions"/> have been applied.</param>
    public static Task<int> RunAsync(string[] args, string tier, Func<EnvironmentSettings, int> defaultPool, Server serve, params IReadOnlyList<ServerOption> serverOptions) =>
        RunAsync(args, tier, defaultPool, serve, routes: null, serverOptions);

    /// <param name="routes">builds the tier's app without running it, for the <c>routes</c> command.</param>
    public static async Task<int> RunAsync(string[] args, string tier, Func<EnvironmentSettings, int> defaultPool, Server serve,
        Func<FediSettings, WebApplication>? routes, IReadOnlyList<ServerOption> serverOptions)
    {
        var root = new RootCommand($"Fedi {tier}: runs the {tier} server, or an operator command.");
        var flags = serverOptions.Select(o => (o.Variable, Flag: new Option<string?>(o.Name, o.Alias) { Description = $"{o.Description} Overrides {o.Variable}." })).ToList();
        foreach (var (_, flag) in flags) root.Options.Add(flag);
        root.SetAction((result, ct) =>
        {
            foreach (var (variable, flag) in flags)
                if (result.GetValue(flag) is { } value) Environment.SetEnvironmentVariable(variable, value);
            return WithSettings(tier, defaultPool, settings => serve(settings, ct));
        });
        root.Subcommands.Add(MigrateCommand(tier));
        root.Subcommands.Add(AccountsCommand(tier));
        root.Subcommands.Add(JobsCommand.Create(tier));
        root.Subcommands.Add(FederationCommand.Create(tier));
        root.Subcommands.Add(MaintenanceCommand.Create(tier));
        root.Subcommands.Add(RulesCommand.Create(tier));
        root.Subcommands.Add(AnnouncementsCommand.Create(tier));
        if (routes is not null) root.Subcommands.Add(RoutesCommand.Create(tier, routes));
        // The host handles SIGTERM/SIGINT itself and drains; the parser must not race it.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    /// <summary>Settings read later while the host is built (LOG_FORMAT, PORT, BIND…) are guarded the same way.</summary>
    internal static Task<int> WithSettings(string tier, int defaultPool, Func<FediSettings, Task<int>> run) =>
        WithSettings(tier, _ => defaultPool, run);

    /// <summary>Runs an operator command over a small pool of its own.</summary>
    internal static Task<int> WithDatabase(string tier, Func<NpgsqlDataSource, Task<int>> run) =>
        WithSettings(tier, 2, async settings =>
        {
            DapperSetup.Configure();
            await using var db = NpgsqlDataSource.Create(settings.Database.ConnectionString);
            return await run(db);
        });

    private static async Task<int> WithSettings(string tier, Func<EnvironmentSettings, int> defaultPool, Func<FediSettings, Task<int>> run)
    {
        try
        {
            return await run(FediSettings.FromProcess(tier, defaultPool));
        }
        catch (SettingsException e)
        {
            await Console.Error.WriteLineAsync($"fedi-{tier}: {e.Message}");
            return 78; // EX_CONFIG: systemd will not restart-loop on a configuration error worth reading
        }
    }

    private static Command MigrateCommand(string tier)
    {
        var command = new Command("migrate", "Apply pending database migrations.");
        command.SetAction((_, _) => WithSettings(tier, 2, settings =>
        {
            var applied = new DatabaseMigrator(settings.Database).Migrate();
            Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command AccountsCommand(string tier)
    {
        var username = new Argument<string>("username") { Description = "Local username ([a-z0-9_], at most 30)." };
        var email = new Option<string>("--email") { Description = "E-mail address (the login).", Required = true };
        var password = new Option<string?>("--password") { Description = "Password; generated and printed when omitted." };
        var admin = new Option<bool>("--admin") { Description = "Give the account admin rights." };
        var create = new Command("create", "Create a confirmed local account.") { username, email, password, admin };
        create.SetAction((result, ct) => WithSettings(tier, 2, async settings =>
        {
            DapperSetup.Configure();
            var chosen = result.GetValue(password) ?? OAuth.TokenDigest.NewSecret()[..20];
            await using var db = NpgsqlDataSource.Create(settings.Database.ConnectionString);
            try
            {
                var (_, account, _) = await new CreateAccountService(db, new AccountStore(db), new AccountStatsStore(), new UserStore(db), settings.Instance).CreateAsync(
                    new NewAccount(result.GetValue(username)!, result.GetValue(email)!, chosen, Admin: result.GetValue(admin), Confirmed: true), ct);
                Console.WriteLine($"Created @{account.Username}@{settings.Instance.LocalDomain} (id {account.Id}).");
                Console.WriteLine($"password: {chosen}");
                return 0;
            }
            catch (ApiException e)
            {
                await Console.Error.WriteLineAsync(e.Error);
                return 1;
            }
        }));
        return new Command("accounts", "Manage local accounts.") { create, AccountsModifyCommand.Create(tier) };
    }
}
