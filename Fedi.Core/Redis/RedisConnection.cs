using Fedi.Core.Configuration;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fedi.Core.Redis;

/// <summary>
/// The process's one shared multiplexer. <see cref="Database"/> applies REDIS_NAMESPACE to every key
/// (scripts included) and the multiplexer's channel prefix applies it to every pub/sub channel, so code
/// everywhere uses the bare names of <see cref="Contracts.RedisKeys"/> and <see cref="Contracts.RedisChannels"/>.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private RedisConnection(IConnectionMultiplexer multiplexer, RedisOptions options)
    {
        Multiplexer = multiplexer;
        Options = options;
        var raw = multiplexer.GetDatabase();
        Database = options.Namespace is null ? raw : raw.WithKeyPrefix(options.KeyPrefix);
    }

    public IConnectionMultiplexer Multiplexer { get; }
    public RedisOptions Options { get; }
    public IDatabase Database { get; }
    public ISubscriber Subscriber => Multiplexer.GetSubscriber();

    public static async Task<RedisConnection> ConnectAsync(RedisOptions options, string clientName)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options.ToConfigurationOptions(clientName));
        return new RedisConnection(multiplexer, options);
    }

    public static RedisConnection Connect(RedisOptions options, string clientName) =>
        new(ConnectionMultiplexer.Connect(options.ToConfigurationOptions(clientName)), options);

    public async ValueTask DisposeAsync() => await Multiplexer.CloseAsync();
}
