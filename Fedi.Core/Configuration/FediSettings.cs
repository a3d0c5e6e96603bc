namespace Fedi.Core.Configuration;

/// <summary>Everything a tier reads from its environment, validated before anything starts.</summary>
public sealed record FediSettings(string Tier, InstanceOptions Instance, DatabaseOptions Database, RedisOptions Redis, EnvironmentSettings Environment)
{
    /// <param name="tier">web, streaming or worker: names the process in logs, Redis and pg_stat_activity.</param>
    /// <param name="defaultPool">the PostgreSQL pool this tier needs when DB_POOL is not set.</param>
    public static FediSettings Load(EnvironmentSettings env, string tier, int defaultPool) => new(
        tier,
        InstanceOptions.From(env),
        DatabaseOptions.From(env, $"fedi-{tier}", defaultPool),
        RedisOptions.From(env),
        env);
}
