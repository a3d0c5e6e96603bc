using System.Security.Cryptography;

namespace Fedi.Core.Media;

/// <summary>
/// Storage keys as Mastodon lays them out: <c>media_attachments/files/000/123/…/original/&lt;random&gt;.jpg</c>. The id is
/// partitioned so no folder grows huge; the random name keeps the media of private posts unguessable.
/// </summary>
public static class MediaKeys
{
    public static string For(string collection, long id, string style, string extension) =>
        $"{collection}/{Partition(id)}/{style}/{RandomNumberGenerator.GetHexString(16, lowercase: true)}.{extension}";

    public static string Attachment(long id, string style, string extension) => For("media_attachments/files", id, style, extension);

    private static string Partition(long id) => string.Join('/', id.ToString("D18").Chunk(3).Select(c => new string(c)));
}
