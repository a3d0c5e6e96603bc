using System.CommandLine;
using Fedi.Core.Accounts;
using Fedi.Core.Data;
using Fedi.Core.Redis;
using Fedi.Core.Streams;
using Npgsql;

namespace Fedi.Core.Cli;

/// <summary><c>accounts modify &lt;username&gt; --disable|--enable</c>, as Mastodon's <c>tootctl accounts modify</c>.</summary>
internal static class AccountsModifyCommand
{
    public static Command Create(string tier)
    {
        var username = new Argument<string>("username") { Description = "Local username." };
        var disable = new Option<bool>("--disable") { Description = "Lock the user out: no sign-in, no API, open streams closed." };
        var enable = new Option<bool>("--enable") { Description = "Let a disabled user in again." };
        var command = new Command("modify", "Change a local user's access.") { username, disable, enable };
        command.SetAction((result, ct) => FediCommandLine.WithSettings(tier, 2, async settings =>
        {
            if (result.GetValue(disable) == result.GetValue(enable))
            {
                await Console.Error.WriteLineAsync("Give exactly one of --disable or --enable.");
                return 2;
            }
            DapperSetup.Configure();
            await using var db = NpgsqlDataSource.Create(settings.Database.ConnectionString);
            await using var redis = await RedisConnection.ConnectAsync(settings.Redis, $"fedi-{tier}-cli");
            var service = new DisableUserService(new UserStore(db), new StreamPublisher(redis));
            var name = result.GetValue(username)!;
            var disabling = result.GetValue(disable);
            var accountId = disabling ? await service.DisableAsync(name, ct) : await service.EnableAsync(name, ct);
            if (accountId is null)
            {
                await Console.Error.WriteLineAsync($"No local user @{name}.");
                return 1;
            }
            Console.WriteLine(disabling ? $"Disabled @{name}; its open streams were told to close." : $"Enabled @{name}.");
            return 0;
        }));
        return command;
    }
}
