using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Fedi.Core.Statuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Statuses;

/// <summary>POST /api/v1/statuses parameters, checked the way Mastodon answers them; what is not sent comes from the user's defaults.</summary>
public static class NewStatusParameters
{
    public static NewStatus Read(RequestParameters p, HttpContext http, RequestAuth auth, UserSettings defaults)
    {
        var poll = PollParameters.Read(p);
        if (poll is not null && p.Strings("media_ids").Any(id => id.Length > 0))
            throw ApiException.Unprocessable("Cannot attach more than 4 files");

        var visibilityName = p.String("visibility");
        var visibility = string.IsNullOrEmpty(visibilityName)
            ? StatusVisibilityNames.FromApi(defaults.Privacy) ?? StatusVisibility.Public
            : StatusVisibilityNames.FromApi(visibilityName) ?? throw ApiException.Unprocessable($"'{visibilityName}' is not a valid visibility");

        long? inReplyTo = null;
        if (p.String("in_reply_to_id") is { Length: > 0 } replyId)
            inReplyTo = Snowflake.TryParse(replyId) ?? throw ApiException.NotFound();

        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        return new NewStatus
        {
            Text = p.String("status") ?? "",
            SpoilerText = p.String("spoiler_text") ?? "",
            Sensitive = p.Bool("sensitive") ?? defaults.Sensitive,
            Visibility = visibility,
            Language = string.IsNullOrEmpty(p.String("language")) ? defaults.DefaultLanguage : p.String("language"),
            InReplyToId = inReplyTo,
            ApplicationId = auth.Token?.ApplicationId,
            Poll = poll,
            MediaIds = p.Has("media_ids") ? p.Strings("media_ids") : null,
            IdempotencyKey = idempotencyKey.Length is > 0 and <= 256 ? idempotencyKey : null,
        };
    }
}
