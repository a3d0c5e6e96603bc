namespace Fedi.Core.Media;

/// <summary>
/// Where media files live, by key (<c>media_attachments/files/…</c>, the path under Mastodon's <c>/system</c>).
/// Keys are written once and never overwritten, so whoever serves them may cache them forever.
/// </summary>
public interface IMediaStorage
{
    /// <summary>Stores the file at <paramref name="localPath"/> under <paramref name="key"/>.</summary>
    Task PutAsync(string key, string localPath, CancellationToken ct);

    /// <summary>Copies the file under <paramref name="key"/> to <paramref name="localPath"/> (for processing).</summary>
    Task GetAsync(string key, string localPath, CancellationToken ct);

    /// <summary>Removes the file; a missing one is no error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>The public URL clients fetch the file from.</summary>
    string Url(string key);
}
