using Fedi.Core.Configuration;

namespace Fedi.Core.Media;

/// <summary>
/// Sets or removes an avatar or header (update_credentials, DELETE /api/v1/profile/avatar|header): the image is
/// cropped to Mastodon's 400x400 or 1500x500, metadata stripped; an animated GIF keeps its animation and gets a
/// static first-frame PNG beside it, as Mastodon's avatar_static. Replaced files are deleted.
/// </summary>
public sealed class UpdateProfileImageService(ProfileImageStore store, IMediaStorage storage, MediaOptions options)
{
    /// <summary>Mastodon's avatar and header size limit (with libvips).</summary>
    public const long SizeLimit = 8L * 1024 * 1024;

    public async Task SetAsync(long accountId, ProfileImage image, Stream content, CancellationToken ct)
    {
        using var work = WorkFolder.Create();
        var input = work.File("upload");
        await using (var file = File.Create(input))
            await content.CopyToAsync(file, ct);
        var length = new FileInfo(input).Length;
        if (length == 0) throw new MediaRejectedException($"{image} can't be blank");
        if (length > SizeLimit) throw new MediaRejectedException($"{image} file size must be less than {SizeLimit / (1024 * 1024)} MB");
        var format = await ProcessMediaService.SniffAsync(input, ct);
        if (format is not { IsImage: true }) throw new MediaRejectedException($"{image} content type is invalid");
        var probe = ImageProbe.Read(input, options);

        var (width, height) = image == ProfileImage.Avatar ? (400, 400) : (1500, 500);
        var collection = image == ProfileImage.Avatar ? "accounts/avatars" : "accounts/headers";
        var staticPath = work.File("static.png");
        ImageProcessor.Resize(input, staticPath, width, height, crop: true);
        var staticKey = MediaKeys.For(collection, accountId, "static", "png");
        await storage.PutAsync(staticKey, staticPath, ct);
        var key = staticKey;
        if (probe.IsAnimated && format == MediaFormat.Gif)
        {
            var animatedPath = work.File("original.gif");
            ImageProcessor.Resize(input + "[n=-1]", animatedPath, width, height, crop: false);
            key = MediaKeys.For(collection, accountId, "original", "gif");
            await storage.PutAsync(key, animatedPath, ct);
        }
        await DeleteAsync(await store.ReplaceAsync(accountId, image, key, staticKey, ct), ct);
    }

    public async Task RemoveAsync(long accountId, ProfileImage image, CancellationToken ct) =>
        await DeleteAsync(await store.ReplaceAsync(accountId, image, null, null, ct), ct);

    private async Task DeleteAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        foreach (var key in keys) await storage.DeleteAsync(key, ct);
    }
}
