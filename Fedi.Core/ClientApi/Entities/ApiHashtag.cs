using System.Text.Json.Serialization;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Tag entity as /api/v1/tags, followed_tags, search and trends return it.</summary>
public sealed record ApiHashtag(
    string Name,
    string Url,
    IReadOnlyList<ApiTagHistory> History,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Following);

/// <summary>One day of a tag's use; Mastodon sends every field as a string, the day as a UNIX timestamp.</summary>
public sealed record ApiTagHistory(string Day, string Uses, string Accounts);
