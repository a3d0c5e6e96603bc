using Fedi.Core.Redis;

namespace Fedi.Core.Cli;

/// <summary>Runs an admin command that needs only Redis: loads the settings, connects, runs, disconnects.</summary>
internal static class CliRedis
{
    public static Task<int> RunAsync(string tier, Func<RedisConnection, Task<int>> run) =>
        FediCommandLine.WithSettings(tier, 2, async settings =>
        {
            await using var redis = await RedisConnection.ConnectAsync(settings.Redis, $"fedi-{tier}-cli");
            return await run(redis);
        });
}
