using Dapper;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>SQL for remote rows of <c>statuses</c> (local = false, found by their ActivityPub uri).</summary>
public sealed class RemoteStatusStore
{
    /// <summary>Inserts a remote status inside the caller's transaction; its id, or null when its uri is already stored.</summary>
    public Task<long?> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RemoteStatus status, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO statuses (uri, url, text, spoiler_text, sensitive, visibility, language, account_id, local, created_at)
            VALUES (@Uri, @Url, @Html, @SpoilerText, @Sensitive, @Visibility, @Language, @AccountId, false, @CreatedAt)
            ON CONFLICT (uri) WHERE uri IS NOT NULL DO NOTHING
            RETURNING id
            """, new
        {
            status.Uri, status.Url, status.Html, status.SpoilerText, status.Sensitive, Visibility = (int)status.Visibility,
            status.Language, status.AccountId, status.CreatedAt,
        }, transaction, cancellationToken: ct));

    /// <summary>The live status of <paramref name="accountId"/> whose uri is <paramref name="uri"/>, else null.</summary>
    public Task<long?> FindLiveIdAsync(NpgsqlConnection connection, string uri, long accountId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM statuses WHERE uri = @uri AND account_id = @accountId AND NOT local AND deleted_at IS NULL",
            new { uri, accountId }, cancellationToken: ct));
}

/// <summary>A remote Note as stored: its HTML already sanitised.</summary>
public sealed record RemoteStatus(
    long AccountId, string Uri, string? Url, string Html, string SpoilerText, bool Sensitive, StatusVisibility Visibility,
    string? Language, DateTimeOffset CreatedAt);
