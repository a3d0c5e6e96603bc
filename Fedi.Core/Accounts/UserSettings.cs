using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fedi.Core.Accounts;

/// <summary>A user's posting defaults (Mastodon's default_privacy, default_sensitive, default_language), kept in users.settings.</summary>
public sealed record UserSettings
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonPropertyName("default_privacy")] public string? DefaultPrivacy { get; init; }
    [JsonPropertyName("default_sensitive")] public bool? DefaultSensitive { get; init; }
    [JsonPropertyName("default_language")] public string? DefaultLanguage { get; init; }

    public string Privacy => DefaultPrivacy ?? "public";
    public bool Sensitive => DefaultSensitive ?? false;

    /// <summary>Settings that do not parse read as none set.</summary>
    public static UserSettings Parse(string json)
    {
        try { return JsonSerializer.Deserialize<UserSettings>(json, Json) ?? new UserSettings(); }
        catch (JsonException) { return new UserSettings(); }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
