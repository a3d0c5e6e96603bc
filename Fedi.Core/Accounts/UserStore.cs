using Dapper;
using Npgsql;

namespace Fedi.Core.Accounts;

/// <summary>SQL for <c>users</c>.</summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    private const string Select = """
        SELECT id, account_id, email, encrypted_password, confirmed_at, admin, disabled, approved, locale,
               chosen_languages, current_sign_in_at, created_at, settings::text AS settings
        FROM users
        """;

    public async Task<User?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<User>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<User?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<User>(new CommandDefinition(
            $"{Select} WHERE lower(email) = lower(@email)", new { email }, cancellationToken: ct));
    }

    /// <summary>Checks a password in constant time against the bcrypt hash; null when either is wrong.</summary>
    public async Task<User?> FindByCredentialsAsync(string email, string password, CancellationToken ct = default)
    {
        var user = await FindByEmailAsync(email, ct);
        if (user is null)
        {
            // Spend the same time as a real check so response times do not reveal which e-mails exist.
            BCrypt.Net.BCrypt.Verify(password, DummyHash);
            return null;
        }
        return BCrypt.Net.BCrypt.Verify(password, user.EncryptedPassword) ? user : null;
    }

    /// <summary>Records activity; returns the previous current_sign_in_at.</summary>
    public async Task<DateTime?> TouchSignInAsync(long userId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<DateTime?>(new CommandDefinition("""
            UPDATE users u SET last_sign_in_at = old.current_sign_in_at, current_sign_in_at = now()
            FROM (SELECT id, current_sign_in_at FROM users WHERE id = @userId FOR UPDATE) old
            WHERE u.id = old.id
            RETURNING old.current_sign_in_at
            """, new { userId }, cancellationToken: ct));
    }

    /// <summary>Disables or enables the local user of <paramref name="username"/>; its account id, or null
    /// when no local user has that username.</summary>
    public async Task<long?> SetDisabledAsync(string username, bool disabled, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition("""
            UPDATE users u SET disabled = @disabled, updated_at = now()
            FROM accounts a
            WHERE a.id = u.account_id AND a.domain IS NULL AND lower(a.username) = lower(@username)
            RETURNING u.account_id
            """, new { username, disabled }, cancellationToken: ct));
    }

    public async Task<bool> ConfirmAsync(string confirmationToken, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET confirmed_at = now(), confirmation_token = NULL, updated_at = now()
            WHERE confirmation_token = @confirmationToken AND confirmed_at IS NULL
            """, new { confirmationToken }, cancellationToken: ct)) == 1;
    }

    /// <summary>Whether a local account already has <paramref name="username"/> and a user <paramref name="email"/>
    /// (both case-insensitive), inside the caller's sign-up transaction.</summary>
    public Task<(bool UsernameTaken, bool EmailTaken)> FindTakenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string username, string email, CancellationToken ct) =>
        connection.QuerySingleAsync<(bool, bool)>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(username) = lower(@username) AND domain IS NULL),
                   EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(@email))
            """, new { username, email }, transaction, cancellationToken: ct));

    /// <summary>The user of a new local account inside its sign-up transaction; its id. Confirmed now when
    /// <paramref name="confirmed"/>, else waiting for <paramref name="confirmationToken"/>.</summary>
    public Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, string email,
        string passwordHash, bool confirmed, string? confirmationToken, bool admin, string? locale, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO users (account_id, email, encrypted_password, confirmed_at, confirmation_token, admin, locale, current_sign_in_at)
            VALUES (@accountId, @email, @passwordHash, CASE WHEN @confirmed THEN now() END, @confirmationToken, @admin, @locale, now())
            RETURNING id
            """, new { accountId, email, passwordHash, confirmed, confirmationToken, admin, locale }, transaction, cancellationToken: ct));

    /// <summary>Account ids (above <paramref name="after"/>, ascending) of local users not signed in since
    /// <paramref name="activeSince"/> — the complement of the fan-out's active followers (the feeds vacuum).</summary>
    public async Task<IReadOnlyList<long>> ListInactiveAccountIdsAsync(long after, DateTime activeSince, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT account_id FROM users
            WHERE account_id > @after AND (current_sign_in_at IS NULL OR current_sign_in_at < @activeSince)
            ORDER BY account_id
            LIMIT @limit
            """, new { after, activeSince, limit }, cancellationToken: ct))).AsList();
    }

    private static readonly string DummyHash = BCrypt.Net.BCrypt.HashPassword("not a password", 10);

    /// <summary>The accounts of enabled admins, who are told of sign-ups.</summary>
    public async Task<IReadOnlyList<long>> ListAdminAccountIdsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT account_id FROM users WHERE admin AND NOT disabled", cancellationToken: ct));
        return ids.AsList();
    }

    public async Task UpdateSettingsAsync(long id, string settingsJson, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET settings = @settingsJson::jsonb, updated_at = now() WHERE id = @id", new { id, settingsJson }, cancellationToken: ct));
    }
}
