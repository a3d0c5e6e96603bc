namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's FeaturedTag entity (statuses_count is a string there, and last_status_at a date).</summary>
public sealed record ApiFeaturedTag(string Id, string Name, string Url, string StatusesCount, string? LastStatusAt);
