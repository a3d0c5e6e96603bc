using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fedi.Core.Accounts;

/// <summary>One name/value pair of a profile, as accounts.fields stores it.</summary>
public sealed record ProfileField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("verified_at")] DateTime? VerifiedAt = null)
{
    /// <summary>Mastodon's DEFAULT_FIELDS_SIZE.</summary>
    public const int MaxCount = 4;

    public static IReadOnlyList<ProfileField> ParseAll(string json)
    {
        try { return JsonSerializer.Deserialize<List<ProfileField>>(json) ?? []; }
        catch (JsonException) { return []; }
    }

    public static string ToJson(IReadOnlyList<ProfileField> fields) => JsonSerializer.Serialize(fields);
}
