namespace Fedi.Core.Federation.Fetching;

/// <summary>A remote answer, read whole (it is at most <see cref="GuardedHttpClient.MaxBodyBytes"/>).</summary>
public sealed record RemoteResponse(int Status, Uri Url, byte[] Body, string? ContentType)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
