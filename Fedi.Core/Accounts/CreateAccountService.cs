using System.Security.Cryptography;
using Fedi.Core.Configuration;
using Fedi.Core.Errors;
using Npgsql;

namespace Fedi.Core.Accounts;

/// <summary>Creates a local account and its user (Mastodon's sign-up), all rows or none.</summary>
public sealed class CreateAccountService(
    NpgsqlDataSource db, AccountStore accounts, AccountStatsStore stats, UserStore users, InstanceOptions instance)
{
    /// <summary>
    /// Validates, then inserts accounts + account_stats + users in one transaction. Unconfirmed when e-mail
    /// confirmation is required and <see cref="NewAccount.Confirmed"/> is false; the confirmation token is returned then.
    /// </summary>
    public async Task<(User User, Account Account, string? ConfirmationToken)> CreateAsync(NewAccount input, CancellationToken ct = default)
    {
        var secrets = await SecretsAsync(input);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var created = await InsertAsync(conn, tx, input, secrets, ct);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>
    /// The slow part of a sign-up — the account's RSA-2048 key pair and the bcrypt hash, up to a second of CPU on a
    /// busy machine — computed before the caller takes a database connection, so a burst of sign-ups cannot hold
    /// the whole pool while it computes. Null for input whose format is already invalid (nothing to protect).
    /// </summary>
    public static Task<AccountSecrets?> SecretsAsync(NewAccount input) =>
        NewAccountValidator.Validate(input).Count > 0
            ? Task.FromResult<AccountSecrets?>(null)
            : Task.Run<AccountSecrets?>(() =>
            {
                var (publicKey, privateKey) = NewKeyPair();
                return new AccountSecrets(publicKey, privateKey, BCrypt.Net.BCrypt.HashPassword(input.Password, 10));
            });

    /// <summary>The same inside the caller's transaction (sign-up adds the access token to it), with the
    /// <paramref name="secrets"/> of <see cref="SecretsAsync"/>.</summary>
    public async Task<(User User, Account Account, string? ConfirmationToken)> InsertAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, NewAccount input, AccountSecrets? secrets, CancellationToken ct = default)
    {
        var errors = NewAccountValidator.Validate(input);
        await AddTakenAsync(conn, tx, input, errors, ct);
        if (errors.Count > 0) throw new ValidationException(NewAccountValidator.InFieldOrder(errors));

        var confirmed = input.Confirmed || !instance.RequireEmailConfirmation;
        var confirmationToken = confirmed ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var (publicKey, privateKey, passwordHash) = secrets ?? await SecretsAsync(input) ?? throw new InvalidOperationException("valid input has secrets");
        var actorUrl = $"{instance.WebBaseUrl}/users/{input.Username}";
        try
        {
            var accountId = await accounts.InsertAsync(conn, tx, input.Username, actorUrl, $"{instance.WebBaseUrl}/@{input.Username}",
                $"{instance.WebBaseUrl}/inbox", publicKey, privateKey, ct);
            await stats.InsertAsync(conn, tx, accountId, ct);
            var userId = await users.InsertAsync(conn, tx, accountId, input.Email, passwordHash, confirmed, confirmationToken,
                input.Admin, input.Locale, ct);

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

    private async Task AddTakenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, NewAccount input, List<FieldError> errors, CancellationToken ct)
    {
        var usernameChecked = !errors.Any(e => e.Field == "username");
        var emailChecked = !errors.Any(e => e.Field == "email");
        if (!usernameChecked && !emailChecked) return;
        // A value that failed its format check is never sent: it may be text PostgreSQL refuses (U+0000).
        var (usernameTaken, emailTaken) = await users.FindTakenAsync(conn, tx,
            usernameChecked ? input.Username ?? "" : "", emailChecked ? input.Email ?? "" : "", ct);
        if (usernameChecked && usernameTaken) errors.Add(NewAccountValidator.UsernameTaken);
        if (emailChecked && emailTaken) errors.Add(NewAccountValidator.EmailTaken);
    }

    /// <summary>What a new account needs computed before its rows are written.</summary>
    public sealed record AccountSecrets(string PublicKey, string PrivateKey, string PasswordHash);

    private static (string PublicKey, string PrivateKey) NewKeyPair()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportPkcs8PrivateKeyPem());
    }
}
