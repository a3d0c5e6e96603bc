using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Fedi.Core.Instance;
using Fedi.Core.Media;
using Fedi.Core.Statuses;

namespace Fedi.Web.ClientApi.Instance;

/// <summary>GET /api/v1/instance (legacy) and /api/v2/instance: what clients read first.</summary>
public static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        // Routing ignores a trailing slash, so these also answer /api/v1/instance/ (which some clients call).
        app.MapGet("/api/v1/instance", V1).PublicRoute();
        app.MapGet("/api/v2/instance", V2).PublicRoute();
    }

    private static object StatusesConfiguration => new
    {
        max_characters = StatusText.MaxCharacters,
        max_media_attachments = 4,
        characters_reserved_per_url = StatusText.CharactersPerUrl,
    };

    private static object MediaConfiguration(MediaOptions media) => new
    {
        supported_mime_types = MediaFormat.All.Select(f => f.ContentType).ToArray(),
        image_size_limit = media.ImageSizeLimit,
        image_matrix_limit = media.MaxImagePixels,
        video_size_limit = media.VideoSizeLimit,
        video_frame_rate_limit = 120,
        video_matrix_limit = 8294400,
        description_limit = 1500,
    };

    private static object PollsConfiguration(ComposeOptions compose) => new
    {
        max_options = compose.MaxPollOptions,
        max_characters_per_option = compose.MaxPollOptionChars,
        min_expiration = (int)compose.PollMinExpiresIn.TotalSeconds,
        max_expiration = (int)compose.PollMaxExpiresIn.TotalSeconds,
    };

    private static async Task<IResult> V1(InstanceOptions instance, InstanceStatsStore stats, InstanceRuleStore rules, ComposeOptions compose,
        MediaOptions media, CancellationToken ct)
    {
        var counts = await stats.ReadAsync(ct);
        var rulesShown = InstanceLanguages.RenderRules(await rules.ListAsync(ct));
        return Results.Json(new
        {
            uri = instance.LocalDomain,
            title = "Fedi",
            short_description = "",
            description = "",
            email = "",
            version = ServerVersion.Display,
            urls = new { streaming_api = instance.StreamingApiBaseUrl },
            stats = new { user_count = counts.UserCount, status_count = counts.StatusCount, domain_count = counts.DomainCount },
            thumbnail = (string?)null,
            languages = new[] { "en" },
            registrations = instance.Registrations == RegistrationsMode.Open,
            approval_required = false,
            invites_enabled = false,
            configuration = new
            {
                accounts = new { max_featured_tags = 10 },
                statuses = StatusesConfiguration,
                media_attachments = MediaConfiguration(media),
                polls = PollsConfiguration(compose),
            },
            contact_account = (object?)null,
            rules = rulesShown,
        });
    }

    private static async Task<IResult> V2(InstanceOptions instance, InstanceStatsStore stats, InstanceRuleStore rules, ComposeOptions compose,
        MediaOptions media, CancellationToken ct)
    {
        var counts = await stats.ReadAsync(ct);
        var rulesShown = InstanceLanguages.RenderRules(await rules.ListAsync(ct));
        return Results.Json(new
        {
            domain = instance.LocalDomain,
            title = "Fedi",
            version = ServerVersion.Display,
            source_url = "",
            description = "",
            usage = new { users = new { active_month = counts.ActiveMonth } },
            thumbnail = new { url = $"{instance.WebBaseUrl}/packs/media/images/preview.png" },
            icon = Array.Empty<object>(),
            languages = new[] { "en" },
            configuration = new
            {
                urls = new { streaming = instance.StreamingApiBaseUrl, status = (string?)null },
                vapid = new { public_key = "" },
                accounts = new { max_featured_tags = 10, max_pinned_statuses = 5 },
                statuses = StatusesConfiguration,
                media_attachments = MediaConfiguration(media),
                polls = PollsConfiguration(compose),
                translation = new { enabled = false },
            },
            registrations = new
            {
                enabled = instance.Registrations == RegistrationsMode.Open,
                approval_required = false,
                reason_required = false,
                message = (string?)null,
                url = (string?)null,
                min_age = (int?)null,
            },
            api_versions = new { mastodon = ServerVersion.MastodonApiVersion },
            contact = new { email = "", account = (object?)null },
            rules = rulesShown,
        });
    }
}
