namespace Fedi.Core.Configuration;

/// <summary>
/// What every command of a tier reads from its environment, validated before anything starts. Options records
/// are the only readers of the environment, each setting documented where it is read: those of this folder
/// for the shared settings, the tier's own record (StreamingOptions, WorkerOptions) for its own, read from
/// <see cref="Environment"/>. A server also reads <see cref="HostingOptions"/> and <see cref="LoggingOptions"/>
/// when it is built, so operator commands run whatever PORT or LOG_FORMAT say.
/// </summary>
public sealed record FediSettings(string Tier, InstanceOptions Instance, DatabaseOptions Database, RedisOptions Redis, EnvironmentSettings Environment)
{
    /// <param name="tier">web, streaming or worker: names the process in logs, Redis and pg_stat_activity.</param>
    /// <param name="defaultPool">the PostgreSQL pool this tier needs when DB_POOL is not set.</param>
    public static FediSettings Load(EnvironmentSettings env, string tier, Func<EnvironmentSettings, int> defaultPool)
    {
        var instance = InstanceOptions.From(env);
        return new(tier, instance, DatabaseOptions.From(env, $"fedi-{tier}", defaultPool(env)), RedisOptions.From(env), env);
    }

    /// <summary>The settings of this process's environment.</summary>
    public static FediSettings FromProcess(string tier, Func<EnvironmentSettings, int> defaultPool) =>
        Load(EnvironmentSettings.FromProcess(), tier, defaultPool);
}
