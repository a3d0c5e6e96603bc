using Dapper;
using Npgsql;

namespace Fedi.Worker.Engine;

/// <summary>SQL reading the PostgreSQL server's own settings.</summary>
public sealed class ServerSettingsStore(NpgsqlDataSource db)
{
    /// <summary>The server's <c>max_connections</c>.</summary>
    public async Task<int> FindMaxConnectionsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var value = await conn.QuerySingleAsync<string>(new CommandDefinition("SHOW max_connections", cancellationToken: ct));
        return int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
