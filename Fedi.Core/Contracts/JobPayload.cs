using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Fedi.Core.Contracts;

/// <summary>
/// A job exactly as Sidekiq stores it: <c>{"class","args","queue","jid","retry","created_at","enqueued_at"}</c>
/// plus failure fields. Unknown fields (from Sidekiq's own clients or middleware) are kept as they are.
/// </summary>
public sealed class JobPayload
{
    [JsonPropertyName("class")] public required string Class { get; init; }
    [JsonPropertyName("args")] public required JsonArray Args { get; init; }
    [JsonPropertyName("queue")] public required string Queue { get; set; }
    [JsonPropertyName("jid")] public required string Jid { get; init; }

    /// <summary>true (25 retries), false, or a number of retries.</summary>
    [JsonPropertyName("retry")] public JsonNode? Retry { get; set; } = JsonValue.Create(true);

    [JsonPropertyName("created_at")] public double CreatedAt { get; init; }
    [JsonPropertyName("enqueued_at")] public double? EnqueuedAt { get; set; }

    [JsonPropertyName("error_message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("error_class"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorClass { get; set; }

    [JsonPropertyName("failed_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FailedAt { get; set; }

    [JsonPropertyName("retried_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RetriedAt { get; set; }

    [JsonPropertyName("retry_count"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryCount { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    private static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static JobPayload Create(string jobClass, string queue, IEnumerable<JsonNode?> args, JsonNode? retry = null)
    {
        var now = EpochSeconds(DateTimeOffset.UtcNow);
        return new JobPayload
        {
            Class = jobClass,
            Args = new JsonArray(args.Select(a => a?.DeepClone()).ToArray()),
            Queue = queue,
            Jid = NewJid(),
            Retry = retry ?? JsonValue.Create(true),
            CreatedAt = now,
            EnqueuedAt = now,
        };
    }

    /// <summary>24 lower-case hex characters, as Sidekiq's SecureRandom.hex(12).</summary>
    public static string NewJid() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Null when <paramref name="json"/> is not a job (garbage is never allowed to crash a worker).</summary>
    public static JobPayload? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<JobPayload>(json, JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
