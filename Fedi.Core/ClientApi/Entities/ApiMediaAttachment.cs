using System.Text.Json;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's MediaAttachment entity. <see cref="Url"/> is null while processing.</summary>
public sealed record ApiMediaAttachment
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Url { get; init; }
    public string? PreviewUrl { get; init; }
    public string? RemoteUrl { get; init; }
    public string? PreviewRemoteUrl { get; init; }
    public string? TextUrl { get; init; }
    public JsonElement Meta { get; init; }
    public string? Description { get; init; }
    public string? Blurhash { get; init; }
}
