using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Media;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Media;

/// <summary>/api/v{1,2}/media: upload, show, describe and delete one's own attachments (Mastodon's MediaController).</summary>
public static class MediaEndpoints
{
    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v2/media", (HttpContext http, RequestAuth auth, RequestParameters p, UploadMediaService service,
            MediaAttachmentRenderer renderer, CancellationToken ct) => UploadAsync(http, auth, p, service, renderer, wait: false, ct)).RequireUser("write:media");
        app.MapPost("/api/v1/media", (HttpContext http, RequestAuth auth, RequestParameters p, UploadMediaService service,
            MediaAttachmentRenderer renderer, CancellationToken ct) => UploadAsync(http, auth, p, service, renderer, wait: true, ct)).RequireUser("write:media");
        app.MapGet("/api/v1/media/{id}", Show).RequireUser("write:media");
        app.MapPut("/api/v1/media/{id}", Update).RequireUser("write:media");
        app.MapDelete("/api/v1/media/{id}", Delete).RequireUser("write:media");
    }

    /// <summary>v2 answers 202 with url null while the worker processes (video, audio, GIF animations) and 200 when the
    /// upload was processed in the request (still images); v1 always waits and answers 200.</summary>
    private static async Task<IResult> UploadAsync(HttpContext http, RequestAuth auth, RequestParameters p, UploadMediaService service,
        MediaAttachmentRenderer renderer, bool wait, CancellationToken ct)
    {
        var file = http.Request.HasFormContentType ? http.Request.Form.Files.GetFile("file") : null;
        if (file is null) throw new MediaRejectedException("File can't be blank");
        await using var content = file.OpenReadStream();
        var media = await service.UploadAsync(auth.RequiredAccountId, new MediaUpload(content, file.Length, p.String("description"), p.String("focus")), wait, ct);
        return Results.Json(renderer.Render(media), statusCode: media.IsProcessed ? 200 : 202);
    }

    /// <summary>206 while processing, 200 once done, 422 when processing failed.</summary>
    private static async Task<IResult> Show(string id, RequestAuth auth, MediaAttachmentStore store, MediaAttachmentRenderer renderer, CancellationToken ct)
    {
        var media = await OwnedMedia.FindAsync(store, RouteId.Parse(id), auth.RequiredAccountId, ct);
        if (media.Processing == MediaProcessing.Failed)
            throw ApiException.Unprocessable($"Processing failed: {media.ProcessingError ?? "the file could not be processed"}");
        return Results.Json(renderer.Render(media), statusCode: media.IsProcessed ? 200 : 206);
    }

    private static async Task<IResult> Update(string id, RequestAuth auth, RequestParameters p, UpdateMediaService service,
        MediaAttachmentRenderer renderer, CancellationToken ct)
    {
        var media = await service.UpdateAsync(RouteId.Parse(id), auth.RequiredAccountId, p.String("description"), p.String("focus"), ct);
        return Results.Json(renderer.Render(media), statusCode: media.IsProcessed ? 200 : 206);
    }

    private static async Task<IResult> Delete(string id, RequestAuth auth, DeleteMediaService service, MediaAttachmentRenderer renderer, CancellationToken ct) =>
        Results.Json(renderer.Render(await service.DeleteAsync(RouteId.Parse(id), auth.RequiredAccountId, ct)));
}
