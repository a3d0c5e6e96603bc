using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Configuration;
using Fedi.Core.Errors;
using Fedi.Core.Federation.Resolution;
using Fedi.Core.Identifiers;
using Fedi.Core.OAuth;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Accounts;

/// <summary>Sign-up, the signed-in account, and public account lookups.</summary>
public static class AccountsEndpoints
{
    public static void MapAccountsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/accounts", SignUpAsync).RequireToken("write:accounts");
        routes.MapGet("/api/v1/accounts/verify_credentials", VerifyCredentialsAsync).RequireUser("read:accounts", "profile");
        routes.MapGet("/api/v1/accounts/lookup", LookupAsync).ScopeIfToken("read:accounts");
        routes.MapGet("/api/v1/accounts/{id}", ShowAsync).ScopeIfToken("read:accounts");
    }

    private static async Task<IResult> SignUpAsync(RequestParameters p, RequestAuth auth, AppSignUpService service, CancellationToken ct)
    {
        if (auth.Token!.UserId is not null) throw ApiException.Forbidden("This method requires an client credentials authentication");
        var request = new SignUpRequest(p.String("username"), p.String("email"), p.String("password"),
            Agreement: p.String("agreement") is "true" or "1", p.String("locale"), p.String("reason"));
        var token = await service.SignUpAsync(auth.Token.ApplicationId ?? 0, request, ct);
        return Results.Ok(ApiToken.From(token));
    }

    private static async Task<IResult> VerifyCredentialsAsync(RequestAuth auth, AccountStore accounts, UserStore users, AccountRenderer renderer, CancellationToken ct)
    {
        var account = await accounts.FindAsync(auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        var user = await users.FindAsync(auth.RequiredUserId, ct) ?? throw ApiException.NotFound();
        return Results.Ok(renderer.RenderCredentials(account, user));
    }

    /// <summary>Mastodon's lookup: a handle not known here is resolved by WebFinger (stale remote profiles refreshed).</summary>
    private static async Task<IResult> LookupAsync(RequestParameters p, ResolveAccountService resolver, AccountRenderer renderer, CancellationToken ct)
    {
        var acct = p.String("acct");
        var account = string.IsNullOrWhiteSpace(acct) || acct.Length > 512 ? null : await resolver.ResolveAsync(acct, ct);
        return account is null ? throw ApiException.NotFound() : Results.Ok(renderer.Render(account));
    }

    private static async Task<IResult> ShowAsync(string id, AccountStore accounts, AccountRenderer renderer, CancellationToken ct)
    {
        var account = Snowflake.TryParse(id) is { } accountId ? await accounts.FindVisibleAsync(accountId, ct) : null;
        return account is null ? throw ApiException.NotFound() : Results.Ok(renderer.Render(account));
    }
}
