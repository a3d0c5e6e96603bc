using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dapper;
using Fedi.Core.Configuration;
using Fedi.Core.Errors;
using Npgsql;

namespace Fedi.Core.Accounts;

public sealed record NewAccount(string Username, string Email, string Password, string? Locale = null, bool Admin = false, bool Confirmed = false);

/// <summary>Creates a local account and its user in one transaction (Mastodon's sign-up).</summary>
public sealed partial class CreateAccountService(NpgsqlDataSource db, InstanceOptions instance)
{
    public const int MaxUsernameLength = 30;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 72; // bcrypt ignores bytes past 72

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.IgnoreCase)]
    private static partial Regex UsernamePattern();

    /// <summary>
    /// Validates, then inserts accounts + account_stats + users. Unconfirmed when e-mail confirmation is
    /// required and <see cref="NewAccount.Confirmed"/> is false; the user's confirmation token is returned then.
    /// </summary>
    public async Task<(User User, Account Account, string? ConfirmationToken)> CreateAsync(NewAccount input, CancellationToken ct = default)
    {
        Validate(input);
        var confirmed = input.Confirmed || !instance.RequireEmailConfirmation;
        var confirmationToken = confirmed ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var (publicKey, privateKey) = NewKeyPair();
        var actorUrl = $"{instance.WebBaseUrl}/users/{input.Username}";
        var passwordHash = BCrypt.Net.BCrypt.HashPassword(input.Password, 10);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        try
        {
            var accountId = await conn.ExecuteScalarAsync<long>("""
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
            }, tx);
            await conn.ExecuteAsync("INSERT INTO account_stats (account_id) VALUES (@accountId)", new { accountId }, tx);
            var userId = await conn.ExecuteScalarAsync<long>("""
                INSERT INTO users (account_id, email, encrypted_password, confirmed_at, confirmation_token, admin, locale, current_sign_in_at)
                VALUES (@accountId, @email, @passwordHash, CASE WHEN @confirmed THEN now() END, @confirmationToken, @admin, @locale, now())
                RETURNING id
                """, new { accountId, email = input.Email, passwordHash, confirmed, confirmationToken, admin = input.Admin, locale = input.Locale }, tx);
            await tx.CommitAsync(ct);

            var user = new User
            {
                Id = userId, AccountId = accountId, Email = input.Email, EncryptedPassword = passwordHash,
                ConfirmedAt = confirmed ? DateTime.UtcNow : null, Admin = input.Admin, Approved = true,
                Locale = input.Locale, CreatedAt = DateTime.UtcNow,
            };
            var account = new Account { Id = accountId, Username = input.Username, Uri = actorUrl, CreatedAt = DateTime.UtcNow };
            return (user, account, confirmationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw e.ConstraintName == "index_users_on_email_lower"
                ? new ValidationException("email", "ERR_TAKEN", "Email has already been taken")
                : new ValidationException("username", "ERR_TAKEN", "Username has already been taken");
        }
    }

    private static void Validate(NewAccount input)
    {
        if (string.IsNullOrWhiteSpace(input.Username))
            throw new ValidationException("username", "ERR_BLANK", "Username can't be blank");
        if (input.Username.Length > MaxUsernameLength)
            throw new ValidationException("username", "ERR_TOO_LONG", $"Username is too long (maximum is {MaxUsernameLength} characters)");
        if (!UsernamePattern().IsMatch(input.Username))
            throw new ValidationException("username", "ERR_INVALID", "Username must contain only letters, numbers and underscores");
        if (string.IsNullOrWhiteSpace(input.Email))
            throw new ValidationException("email", "ERR_BLANK", "Email can't be blank");
        if (!IsEmail(input.Email))
            throw new ValidationException("email", "ERR_INVALID", "Email is invalid");
        if (string.IsNullOrEmpty(input.Password))
            throw new ValidationException("password", "ERR_BLANK", "Password can't be blank");
        if (input.Password.Length < MinPasswordLength)
            throw new ValidationException("password", "ERR_TOO_SHORT", $"Password is too short (minimum is {MinPasswordLength} characters)");
        if (input.Password.Length > MaxPasswordLength)
            throw new ValidationException("password", "ERR_TOO_LONG", $"Password is too long (maximum is {MaxPasswordLength} characters)");
    }

    private static bool IsEmail(string email) =>
        email.Length <= 320 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Length > 0;

    private static (string PublicKey, string PrivateKey) NewKeyPair()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportPkcs8PrivateKeyPem());
    }
}
