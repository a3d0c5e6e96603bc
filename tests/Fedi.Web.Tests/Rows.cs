using Dapper;
using Fedi.Testing;
using Npgsql;

namespace Fedi.Web.Tests;

/// <summary>Reads rows straight from an instance's database, to check what a request did (or did not) write.</summary>
public static class Rows
{
    public static async Task<long> CountAsync(string sql, object? parameters = null) => await CountAsync(WebCluster.Cluster, sql, parameters);

    public static async Task<long> CountAsync(FediCluster cluster, string sql, object? parameters = null)
    {
        await using var conn = new NpgsqlConnection(cluster.DatabaseConnectionString);
        return await conn.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static Task<T?> ScalarAsync<T>(string sql, object? parameters = null) => ScalarAsync<T>(WebCluster.Cluster, sql, parameters);

    public static async Task<IReadOnlyList<T>> ListAsync<T>(string sql, object? parameters = null)
    {
        await using var conn = new NpgsqlConnection(WebCluster.Cluster.DatabaseConnectionString);
        return (await conn.QueryAsync<T>(sql, parameters)).AsList();
    }

    public static Task ExecuteAsync(string sql, object? parameters = null) => ExecuteAsync(WebCluster.Cluster, sql, parameters);

    public static async Task<T?> ScalarAsync<T>(FediCluster cluster, string sql, object? parameters = null)
    {
        await using var conn = new NpgsqlConnection(cluster.DatabaseConnectionString);
        return await conn.ExecuteScalarAsync<T>(sql, parameters);
    }

    public static async Task ExecuteAsync(FediCluster cluster, string sql, object? parameters = null)
    {
        await using var conn = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await conn.ExecuteAsync(sql, parameters);
    }
}
