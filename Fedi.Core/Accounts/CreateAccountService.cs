using System.Security.Cryptography;
using Dapper;
using Fedi.Core.Configuration;
using Fedi.Core.Errors;
using Npgsql;

namespace Fedi.Core.Accounts;

/// <summary>Creates a local account and its user (Mastodon's sign-up), all rows or none.</summary>
public sealed class CreateAccountService(NpgsqlDataSource db, InstanceOptions instance)
{
    /// <summary>
    /// Validates, then inserts accounts + account_stats + users in one transaction. Unconfirmed when e-mail
    /// confirmation is required and <see cref="NewAccount.Confirmed"/> is false; the confirmation token is returned then.
    /// </summary>
    public async Task<(User User, Account Account, string? ConfirmationToken)> CreateAsync(NewAccount input, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var created = await InsertAsync(conn, tx, input, ct);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>The same inside the caller's transaction (sign-up adds the access token to it).</summary>
    public async Task<(User User, Account Account, string? ConfirmationToken)> InsertAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, NewAccount input, CancellationToken ct = default)
    {
        var errors = NewAccountValidator.Validate(input);
        await AddTakenAsync(conn, tx, input, errors, ct);
        if (errors.Count > 0) throw new ValidationException(NewAccountValidator.InFieldOrder(errors));

        var confirmed = input.Confirmed || !instance.RequireEmailConfirmation;
        var confirmationToken = confirmed ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var (publicKey, privateKey) = NewKeyPair();
        var actorUrl = $"{instance.WebBaseUrl}/users/{input.Username}";
        var passwordHash = BCrypt.Net.BCrypt.HashPassword(input.Password, 10);
        try
        {
            var accountId = await conn.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO accounts (username, uri, url, inbox_url, outbox_url, followers_url, shared_inbox_url, public_key, private_key)
                VALUES (@username, @uri, @url, @uri || '/inbox', @uri || '/outbox', @uri || '/followers', @sharedInbox, @publicKey, @privateKey)
                RETURNING id
                """, new
            {
                username = input.Username,
                uri = actorUrl,
                url = $"{instance.WebBaseUrl}/@{input.Username}",
                sharedInbox = $"{instance.WebBaseUrl}/inbox",
                publicKey,
                privateKey,
            }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(
                "INSERT INTO account_stats (account_id) VALUES (@accountId)", new { accountId }, tx, cancellationToken: ct));
            var userId = await conn.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO users (account_id, email, encrypted_password, confirmed_at, confirmation_token, admin, locale, current_sign_in_at)
                VALUES (@accountId, @email, @passwordHash, CASE WHEN @confirmed THEN now() END, @confirmationToken, @admin, @locale, now())
                RETURNING id
                """, new { accountId, email = input.Email, passwordHash, confirmed, confirmationToken, admin = input.Admin, locale = input.Locale },
                tx, cancellationToken: ct));

            var now = DateTime.UtcNow;
            var user = new User
            {
                Id = userId, AccountId = accountId, Email = input.Email, EncryptedPassword = passwordHash,
                ConfirmedAt = confirmed ? now : null, Admin = input.Admin, Approved = true, Locale = input.Locale,
                CurrentSignInAt = now, CreatedAt = now,
            };
            var account = new Account { Id = accountId, Username = input.Username, Uri = actorUrl, CreatedAt = now };
            return (user, account, confirmationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Lost a race with a sign-up of the same name or e-mail between the check above and the insert.
            throw new ValidationException([e.ConstraintName == "index_users_on_email_lower" ? NewAccountValidator.EmailTaken : NewAccountValidator.UsernameTaken]);
        }
    }

    private static async Task AddTakenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, NewAccount input, List<FieldError> errors, CancellationToken ct)
    {
        var usernameChecked = !errors.Any(e => e.Field == "username");
        var emailChecked = !errors.Any(e => e.Field == "email");
        if (!usernameChecked && !emailChecked) return;
        var (usernameTaken, emailTaken) = await conn.QuerySingleAsync<(bool, bool)>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(username) = lower(@username) AND domain IS NULL),
                   EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(@email))
            """, new
        {
            // A value that failed its format check is never sent: it may be text PostgreSQL refuses (U+0000).
            username = usernameChecked ? input.Username : "",
            email = emailChecked ? input.Email : "",
        }, tx, cancellationToken: ct));
        if (usernameChecked && usernameTaken) errors.Add(NewAccountValidator.UsernameTaken);
        if (emailChecked && emailTaken) errors.Add(NewAccountValidator.EmailTaken);
    }

    private static (string PublicKey, string PrivateKey) NewKeyPair()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportPkcs8PrivateKeyPem());
    }
}
