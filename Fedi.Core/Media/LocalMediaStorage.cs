using Fedi.Core.Configuration;

namespace Fedi.Core.Media;

/// <summary>Media on the local filesystem under MEDIA_ROOT, served at MEDIA_PUBLIC_URL (by Fedi.Web or nginx).</summary>
public sealed class LocalMediaStorage(MediaOptions options) : IMediaStorage
{
    public async Task PutAsync(string key, string localPath, CancellationToken ct)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and renamed, so a reader never sees half a file.
        var partial = target + ".partial";
        await using (var source = File.OpenRead(localPath))
        await using (var destination = File.Create(partial))
            await source.CopyToAsync(destination, ct);
        File.Move(partial, target, overwrite: true);
    }

    public async Task GetAsync(string key, string localPath, CancellationToken ct)
    {
        await using var source = File.OpenRead(PathOf(key));
        await using var destination = File.Create(localPath);
        await source.CopyToAsync(destination, ct);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        // The per-attachment folder goes too once empty, so deleted media leaves nothing behind.
        var folder = Path.GetDirectoryName(path);
        if (folder is not null && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            Directory.Delete(folder);
        return Task.CompletedTask;
    }

    public string Url(string key) => $"{options.PublicUrl}/{key}";

    /// <summary>The file of a key; a key that would leave the root (.., absolute) is refused.</summary>
    public string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(options.Root, key));
        if (!path.StartsWith(options.Root.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new ArgumentException($"'{key}' is not a media key", nameof(key));
        return path;
    }
}
