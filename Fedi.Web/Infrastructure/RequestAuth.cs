using Fedi.Core.OAuth;

namespace Fedi.Web.Infrastructure;

/// <summary>Who is calling: the resolved token (null when none was presented) and its account.</summary>
public sealed record RequestAuth(AccessToken? Token)
{
    public static readonly RequestAuth Anonymous = new((AccessToken?)null);

    public long? AccountId => Token?.AccountId;
    public long? UserId => Token?.UserId;

    /// <summary>The signed-in account; only call behind <c>RequireUser</c>.</summary>
    public long RequiredAccountId => AccountId ?? throw new InvalidOperationException("Endpoint is missing RequireUser()");
    public long RequiredUserId => UserId ?? throw new InvalidOperationException("Endpoint is missing RequireUser()");

    /// <summary>Minimal-API binding: a handler parameter of this type gets the caller.</summary>
    public static async ValueTask<RequestAuth?> BindAsync(HttpContext http, System.Reflection.ParameterInfo _) =>
        await TokenAuthentication.AuthenticateAsync(http);
}
