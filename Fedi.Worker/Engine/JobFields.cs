using System.Text.Json;

namespace Fedi.Worker.Engine;

/// <summary>
/// What the engine reads of a fetched job to run it — class, jid, args, unique digest — from one pooled
/// <see cref="JsonDocument"/> rather than a mutable DOM; <see cref="JobMessage"/> is built only when a
/// failure has to rewrite the job. Dispose after the run: <see cref="Args"/> lives in the document.
/// </summary>
public readonly struct JobFields : IDisposable
{
    private readonly JsonDocument _document;

    private JobFields(JsonDocument document, string jobClass, JsonElement args)
    {
        _document = document;
        Class = jobClass;
        Args = args;
    }

    public string Class { get; }

    /// <summary>The args array, valid until <see cref="Dispose"/>.</summary>
    public JsonElement Args { get; }

    public string Jid => GetString("jid"u8) ?? "";

    public string? UniqueDigest => GetString("unique_digest"u8) is { Length: > 0 } digest ? digest : null;

    /// <summary>False unless <paramref name="raw"/> is an object with a non-empty string "class" and an array
    /// "args" (what <see cref="JobMessage.TryParse"/> accepts).</summary>
    public static bool TryParse(string raw, out JobFields job)
    {
        job = default;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw);
        }
        catch (JsonException)
        {
            return false;
        }
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("class"u8, out var cls) && cls.ValueKind == JsonValueKind.String && cls.GetString() is { Length: > 0 } jobClass
            && root.TryGetProperty("args"u8, out var args) && args.ValueKind == JsonValueKind.Array)
        {
            job = new JobFields(document, jobClass, args);
            return true;
        }
        document.Dispose();
        return false;
    }

    private string? GetString(ReadOnlySpan<byte> name) =>
        _document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public void Dispose() => _document?.Dispose();
}
