using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Follows;
using Fedi.Core.Media;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Accounts;

/// <summary>PATCH /api/v1/accounts/update_credentials: the signed-in user edits their profile and posting defaults.</summary>
public static class AccountProfileEndpoints
{
    public static void MapAccountProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPatch("/api/v1/accounts/update_credentials", UpdateAsync).RequireUser("write:accounts");
        routes.MapAccountNoteEndpoints();
    }

    /// <summary>avatar and header are multipart files; sent as text instead they are a 422.</summary>
    private static async Task<IResult> UpdateAsync(HttpContext http, RequestParameters p, RequestAuth auth, UpdateCredentialsService service,
        FollowRequestStore requests, AccountRenderer renderer, UpdateProfileImageService images, CancellationToken ct)
    {
        if (p.String("avatar") is { Length: > 0 } || p.String("header") is { Length: > 0 })
            throw ApiException.Unprocessable("Validation failed: Avatar and header must be uploaded as files");
        var files = http.Request.HasFormContentType ? http.Request.Form.Files : null;
        foreach (var (name, image) in new[] { ("avatar", ProfileImage.Avatar), ("header", ProfileImage.Header) })
            if (files?.GetFile(name) is { } file)
            {
                await using var content = file.OpenReadStream();
                await images.SetAsync(auth.RequiredAccountId, image, content, ct);
            }
        var changes = new ProfileChanges(
            p.String("display_name"), p.String("note"), Flag(p, "locked"), Flag(p, "bot"), Flag(p, "discoverable"), Flag(p, "indexable"),
            Flag(p, "hide_collections"), Fields(p), p.String("source[privacy]"), Flag(p, "source[sensitive]"), p.String("source[language]"));
        var (account, user) = await service.UpdateAsync(auth.RequiredAccountId, auth.RequiredUserId, changes, ct);
        return Results.Ok(renderer.RenderCredentials(account, user, await requests.CountPendingAsync(account.Id, ct)));
    }

    /// <summary>A parameter sent empty counts as false, as Rails' boolean cast reads it.</summary>
    private static bool? Flag(RequestParameters p, string key) => p.Has(key) ? p.Bool(key) ?? false : null;

    /// <summary>
    /// fields_attributes as Rails' nested attributes: an indexed hash (<c>fields_attributes[0][name]</c>, or a
    /// JSON object keyed "0", "1", …) or a form list (<c>fields_attributes[][name]</c>). Null when not sent.
    /// Indices are read one past the limit so that a fifth field is refused rather than dropped.
    /// </summary>
    private static IReadOnlyList<ProfileField>? Fields(RequestParameters p)
    {
        var names = p.Strings("fields_attributes[][name]");
        if (names.Count > 0)
        {
            var values = p.Strings("fields_attributes[][value]");
            return names.Select((name, i) => new ProfileField(name, i < values.Count ? values[i] : "")).ToList();
        }
        var fields = new List<ProfileField>();
        for (var i = 0; i <= ProfileField.MaxCount; i++)
        {
            var (name, value) = (p.String($"fields_attributes[{i}][name]"), p.String($"fields_attributes[{i}][value]"));
            if (name is null && value is null) continue;
            fields.Add(new ProfileField(name ?? "", value ?? ""));
        }
        if (fields.Count == 0 && !p.Has("fields_attributes")) return null;
        // Rails drops pairs left blank on both sides.
        return fields.Where(f => f.Name.Length > 0 || f.Value.Length > 0).ToList();
    }
}
