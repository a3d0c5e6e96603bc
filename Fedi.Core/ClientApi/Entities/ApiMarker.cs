namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Marker entity: where the user stopped reading a timeline.</summary>
public sealed record ApiMarker(string LastReadId, int Version, string UpdatedAt);
