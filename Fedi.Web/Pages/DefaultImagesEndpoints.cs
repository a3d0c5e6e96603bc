using System.Reflection;
using Fedi.Core.Hosting;

namespace Fedi.Web.Pages;

/// <summary>The avatar and header every account shows until media uploads exist (the URLs Mastodon uses).</summary>
public static class DefaultImagesEndpoints
{
    private static readonly byte[] Avatar = Load("missing-avatar.png");
    private static readonly byte[] Header = Load("missing-header.png");

    public static void MapDefaultImagesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/avatars/original/missing.png", (HttpContext http) => Image(http, Avatar)).PublicRoute();
        app.MapGet("/headers/original/missing.png", (HttpContext http) => Image(http, Header)).PublicRoute();
        // The instance thumbnail /api/v2/instance announces, until an operator can upload one: the default header.
        app.MapGet("/packs/media/images/preview.png", (HttpContext http) => Image(http, Header)).PublicRoute();
    }

    private static IResult Image(HttpContext http, byte[] png)
    {
        http.Response.Headers.CacheControl = "public, max-age=604800, immutable";
        return Results.Bytes(png, "image/png");
    }

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Fedi.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
