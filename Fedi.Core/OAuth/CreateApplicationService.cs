using Fedi.Core.Errors;
using Fedi.Core.Validation;

namespace Fedi.Core.OAuth;

public sealed record NewApplication(string? Name, IReadOnlyList<string> RedirectUris, string? Scopes, string? Website);

/// <summary>Registers an OAuth client (POST /api/v1/apps), validated as Doorkeeper + Mastodon validate Application.</summary>
public sealed class CreateApplicationService(ApplicationStore applications)
{
    public const int MaxNameLength = TextLimits.ApplicationName;
    public const int MaxRedirectUriLength = TextLimits.Uri;
    public const int MaxWebsiteLength = TextLimits.Uri;

    /// <summary>Scopes default to read. Failures are one 422 listing every message, as Rails' RecordInvalid.</summary>
    public async Task<OAuthApplication> CreateAsync(NewApplication input, CancellationToken ct = default)
    {
        var name = input.Name?.Trim() ?? "";
        var redirectUri = string.Join('\n', RedirectUris.Split(input.RedirectUris));
        var scopes = string.IsNullOrWhiteSpace(input.Scopes) ? Scopes.Read : string.Join(' ', Scopes.Parse(input.Scopes));
        var website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();

        var messages = new List<string>();
        if (name.Length == 0) messages.Add("Application name can't be blank");
        if (redirectUri.Length == 0) messages.Add("Redirect URI can't be blank");
        foreach (var uri in RedirectUris.Split(input.RedirectUris))
            messages.AddRange(RedirectUris.Problems(uri).Select(problem => $"Redirect URI {problem}"));
        if (!Scopes.Parse(scopes).All(Scopes.IsKnown)) messages.Add("Scopes doesn't match configured on the server.");
        if (name.Length > MaxNameLength) messages.Add($"Application name is too long (maximum is {MaxNameLength} characters)");
        if (redirectUri.Length > MaxRedirectUriLength) messages.Add($"Redirect URI is too long (maximum is {MaxRedirectUriLength} characters)");
        if (website is not null && !IsWebUrl(website)) messages.Add("Application website is not a valid URL");
        if (website?.Length > MaxWebsiteLength) messages.Add($"Application website is too long (maximum is {MaxWebsiteLength} characters)");
        if (messages.Count > 0) throw ApiException.Unprocessable($"Validation failed: {string.Join(", ", messages.Distinct())}");

        return await applications.InsertAsync(name, redirectUri, scopes, website, ct);
    }

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
}
