using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fedi.Core.OAuth;

public sealed record SignUpRequest(string? Username, string? Email, string? Password, bool Agreement, string? Locale, string? Reason);

/// <summary>
/// Sign-up through an app (Mastodon's AppSignUpService): the account, its user and an access token for the app,
/// in one transaction. The token carries the application's scopes, as Mastodon's. Admins get an
/// <c>admin.sign_up</c> notification (Mastodon's NotifyService for users who may manage users).
/// </summary>
public sealed partial class AppSignUpService(
    NpgsqlDataSource db, CreateAccountService accounts, ApplicationStore applications, AccessTokenStore tokens, InstanceOptions instance,
    UserStore users, JobClient jobs, ILogger<AppSignUpService> log)
{
    public async Task<IssuedToken> SignUpAsync(long applicationId, SignUpRequest request, CancellationToken ct = default)
    {
        if (instance.Registrations == RegistrationsMode.None) throw ApiException.Forbidden("Forbidden");
        var app = await applications.FindAsync(applicationId, ct) ?? throw ApiException.Forbidden();

        var input = new NewAccount(request.Username ?? "", request.Email ?? "", request.Password ?? "",
            string.IsNullOrEmpty(request.Locale) ? null : request.Locale, Agreement: request.Agreement);
        var secrets = await CreateAccountService.SecretsAsync(input);
        User user;
        Account account;
        string? confirmationToken;
        IssuedToken token;
        // The connection goes back to the pool before the admins are listed on another one: holding one while
        // waiting for a second deadlocks the pool when many sign up at once.
        await using (var conn = await db.OpenConnectionAsync(ct))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            (user, account, confirmationToken) = await accounts.InsertAsync(conn, tx, input, secrets, ct);
            token = await tokens.InsertAsync(conn, tx, app.Id, user.Id, app.Scopes, ct);
            await tx.CommitAsync(ct);
        }
        await jobs.EnqueueManyAsync((await users.ListAdminAccountIdsAsync(ct)).Where(id => id != account.Id)
            .Select(admin => new LocalNotificationJob(admin, account.Id, "admin.sign_up", null)));

        if (confirmationToken is not null)
            // No mailer yet: the operator (or a test) reads the link from the log.
            LogConfirmationLink(account.Username, user.Email, $"{instance.WebBaseUrl}/auth/confirmation?confirmation_token={confirmationToken}");
        return token;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirm the e-mail address of @{Username} ({Email}) at {ConfirmationUrl}")]
    private partial void LogConfirmationLink(string username, string email, string confirmationUrl);
}
