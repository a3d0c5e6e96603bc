using Fedi.Core.ClientApi.Entities;
using Fedi.Core.OAuth;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders <see cref="OAuthApplication"/> rows as Mastodon Application entities.</summary>
public static class ApplicationRenderer
{
    public static ApiApplication Render(OAuthApplication app) => new()
    {
        Id = ApiFormat.Id(app.Id),
        Name = app.Name,
        Website = string.IsNullOrEmpty(app.Website) ? null : app.Website,
        Scopes = app.ScopeList,
        RedirectUris = app.RedirectUris,
        RedirectUri = string.Join('\n', app.RedirectUris),
    };

    public static ApiCredentialApplication RenderWithCredentials(OAuthApplication app) => new(Render(app), app.Uid, app.Secret);
}
