using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Worker.Tests.Interop;

/// <summary>
/// Sidekiq's own Ruby API (Debian's ruby-sidekiq) run against one Redis, through the scripts in
/// <c>tests/interop/</c>: what Sidekiq reads from the keys Fedi wrote, and jobs pushed the way a Rails app does.
/// </summary>
public sealed class SidekiqApi(string redisUrl)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>True when <c>ruby</c> can load Sidekiq (<c>apt-get install ruby-sidekiq</c>).</summary>
    public static async Task<bool> IsInstalledAsync()
    {
        try
        {
            var result = await CommandLine.RunAsync("ruby", ["-e", "require 'sidekiq/api'"], Timeout);
            return result.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Stats, queues with their jobs, retry/scheduled/dead sets and live processes (inspect.rb).</summary>
    public async Task<JsonObject> InspectAsync() => await RunAsync("inspect.rb");

    /// <summary>Each job JSON as Sidekiq::JobRecord reads it (records.rb), in order.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReadRecordsAsync(IEnumerable<string> jobs) =>
        (await RunAsync("records.rb", [.. jobs]))["records"]!.AsArray().Cast<JsonObject>().ToList();

    /// <summary>Sidekiq::Client.push of one job; returns its jid.</summary>
    public async Task<string> PushAsync(string jobClass, JsonArray args, string queue = "default") =>
        (await RunAsync("push.rb", jobClass, args.ToJsonString(), queue))["jid"]!.GetValue<string>();

    /// <summary>Finds job <paramref name="jid"/> in a sorted set (retry, scheduled, dead) and calls
    /// <paramref name="action"/> on it (delete, add_to_queue, retry, kill); false when not found.</summary>
    public async Task<bool> ActAsync(string set, string jid, string action) =>
        (await RunAsync("act.rb", set, jid, action))["found"]!.GetValue<bool>();

    private async Task<JsonObject> RunAsync(string script, params string[] arguments)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "interop", script);
        var result = (await CommandLine.RunAsync("ruby", [path, redisUrl, .. arguments], Timeout)).EnsureSuccess();
        var json = result.Output.LastOrDefault(line => line.StartsWith('{'))
            ?? throw new InvalidOperationException($"{script} printed no JSON:\n{result.Text}");
        return (JsonObject)JsonNode.Parse(json)!;
    }
}
