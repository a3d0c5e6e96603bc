using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Worker.Engine;

/// <summary>
/// A fetched job as a mutable JSON object, so the engine can add Sidekiq's failure fields and write back
/// everything else exactly as it came (unknown keys, number text of 64-bit ids, key order).
/// </summary>
public sealed class JobMessage
{
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private JobMessage(JsonObject json, string jobClass, JsonArray args)
    {
        Json = json;
        Class = jobClass;
        Args = args;
    }

    public JsonObject Json { get; }
    public string Class { get; }
    public JsonArray Args { get; }
    public string Jid => Json["jid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>Null unless <paramref name="raw"/> is an object with a string "class" and an array "args".</summary>
    public static JobMessage? TryParse(string raw)
    {
        try
        {
            if (JsonNode.Parse(raw, NodeOptions) is not JsonObject json) return null;
            if (json["class"] is not JsonValue cls || !cls.TryGetValue<string>(out var jobClass) || jobClass.Length == 0) return null;
            if (json["args"] is not JsonArray args) return null;
            return new JobMessage(json, jobClass, args);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? GetString(string name) => Json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public int? GetInt(string name) => Json[name] is JsonValue v && v.TryGetValue<double>(out var d) && d == Math.Floor(d) ? (int)d : null;

    /// <summary>true / false / a number, as the "retry" key holds it; null when absent.</summary>
    public JsonValue? Retry => Json["retry"] as JsonValue;

    /// <summary>Sidekiq's "dead": false means "discard instead of keeping in the dead set".</summary>
    public bool KeepWhenDead => !(Json["dead"] is JsonValue v && v.TryGetValue<bool>(out var keep) && !keep);

    public void Set(string name, JsonNode? value) => Json[name] = value;

    public string ToJson() => Json.ToJsonString(WriteOptions);
}
