using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Fedi.Core.OAuth;

/// <summary>SQL for <c>oauth_applications</c>.</summary>
public sealed class ApplicationStore(NpgsqlDataSource db)
{
    private const string Select = "SELECT id, name, uid, secret, redirect_uri, scopes, website, created_at FROM oauth_applications";

    public async Task<OAuthApplication?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<OAuthApplication>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The applications among <paramref name="ids"/>, in one query.</summary>
    public async Task<IReadOnlyDictionary<long, OAuthApplication>> ListAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<long, OAuthApplication>();
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<OAuthApplication>(new CommandDefinition($"{Select} WHERE id = ANY(@ids)", new { ids = ids.ToArray() },
            cancellationToken: ct))).ToDictionary(a => a.Id);
    }

    public async Task<OAuthApplication?> FindByClientIdAsync(string clientId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<OAuthApplication>(new CommandDefinition(
            $"{Select} WHERE uid = @clientId", new { clientId }, cancellationToken: ct));
    }

    /// <summary>The application when both client_id and client_secret match (the secret compared in constant time).</summary>
    public async Task<OAuthApplication?> FindByCredentialsAsync(string? clientId, string? clientSecret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret)) return null;
        var app = await FindByClientIdAsync(clientId, ct);
        if (app is null) return null;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(app.Secret), Encoding.UTF8.GetBytes(clientSecret)) ? app : null;
    }

    public async Task<OAuthApplication> InsertAsync(string name, string redirectUri, string scopes, string? website, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<OAuthApplication>(new CommandDefinition("""
            INSERT INTO oauth_applications (name, uid, secret, redirect_uri, scopes, website)
            VALUES (@name, @uid, @secret, @redirectUri, @scopes, @website)
            RETURNING id, name, uid, secret, redirect_uri, scopes, website, created_at
            """, new { name, uid = TokenDigest.NewSecret(), secret = TokenDigest.NewSecret(), redirectUri, scopes, website }, cancellationToken: ct));
    }
}
