using System.Globalization;
using System.Text.Json;
using Fedi.Core.Errors;
using Fedi.Core.Validation;
using Microsoft.AspNetCore.WebUtilities;

namespace Fedi.Web.Infrastructure;

/// <summary>
/// A request's parameters as Rails sees them: query string merged with a JSON, form-urlencoded or
/// multipart body (the body wins). Arrays come as <c>key[]</c> or JSON arrays, nested objects as
/// <c>poll[options][]</c> or JSON objects; both are read with the same key ("media_ids", "poll[options]").
/// </summary>
public sealed partial class RequestParameters
{
    public const int MaxBodyBytes = TextLimits.RequestBodyBytes;
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private RequestParameters() { }

    /// <summary>Reads once per request; malformed bodies become a 400 in Mastodon's error shape.</summary>
    public static async Task<RequestParameters> ReadAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(RequestParameters), out var cached) && cached is RequestParameters hit) return hit;
        var parameters = new RequestParameters();
        foreach (var (key, values) in http.Request.Query)
            foreach (var value in values) parameters.Add(key, value ?? "");

        var body = new RequestParameters();
        var contentType = http.Request.ContentType ?? "";
        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try { form = await http.Request.ReadFormAsync(http.RequestAborted); }
            // Kestrel's body limit (BadHttpRequestException, an IOException) stays a 413.
            catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
            {
                throw ApiException.BadRequest("Error occurred while parsing request parameters: malformed form body");
            }
            catch (Exception e) when (e is NotSupportedException or ArgumentException or System.Text.DecoderFallbackException)
            {
                // A declared charset .NET cannot or will not decode (utf-7 is disabled).
                throw ApiException.BadRequest("Error occurred while parsing request parameters: unsupported charset");
            }
            foreach (var (key, values) in form)
                foreach (var value in values) body.Add(key, value ?? "");
        }
        else if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
                 contentType.StartsWith("application/activity+json", StringComparison.OrdinalIgnoreCase))
        {
            await body.ReadJsonAsync(http);
        }
        foreach (var (key, values) in body._values) parameters._values[key] = values;

        http.Items[typeof(RequestParameters)] = parameters;
        return parameters;
    }

    /// <summary>Minimal-API binding: a handler parameter of this type gets the parsed parameters.</summary>
    public static async ValueTask<RequestParameters?> BindAsync(HttpContext http, System.Reflection.ParameterInfo _) => await ReadAsync(http);

    public bool Has(string key) => _values.ContainsKey(key);

    public string? String(string key) => _values.TryGetValue(key, out var list) && list.Count > 0 ? list[0] : null;

    public IReadOnlyList<string> Strings(string key) => _values.TryGetValue(key, out var list) ? list : [];

    /// <summary>
    /// Rails' nested attributes (<c>keywords_attributes</c>): <c>name[0][field]</c> keys (JSON arrays of objects arrive so)
    /// grouped by index, or else <c>name[][field]</c> lists paired by position.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Objects(string name)
    {
        var indexed = _values.Keys.Select(k => NestedKey().Match(k)).Where(m => m.Success && m.Groups[1].Value == name)
            .GroupBy(m => long.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : long.MaxValue)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyDictionary<string, string>)g.ToDictionary(m => m.Groups[3].Value, m => _values[m.Value][0]))
            .ToList();
        if (indexed.Count > 0) return indexed;
        var fields = _values.Where(p => p.Key.StartsWith(name + "[][", StringComparison.Ordinal) && p.Key.EndsWith(']'))
            .ToDictionary(p => p.Key[(name.Length + 3)..^1], p => p.Value);
        var count = fields.Count == 0 ? 0 : fields.Values.Max(v => v.Count);
        return Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, string>)fields
            .Where(f => i < f.Value.Count).ToDictionary(f => f.Key, f => f.Value[i])).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\w+)\[(\d+)\]\[(\w+)\]$")]
    private static partial System.Text.RegularExpressions.Regex NestedKey();

    /// <summary>Rails' boolean cast: 0, f, false, off (any case) are false, other text true, absent or empty null.</summary>
    public bool? Bool(string key) => CastBool(String(key));

    /// <summary>Rails' boolean cast of one value (also for fields of <see cref="Objects"/>).</summary>
    public static bool? CastBool(string? value) => value switch
    {
        null or "" => null,
        var s when s is "0" || s.Equals("f", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase)
                    || s.Equals("off", StringComparison.OrdinalIgnoreCase) => false,
        _ => true,
    };

    /// <summary>A whole number; a present but malformed value is a 400.</summary>
    public int? Int(string key)
    {
        var raw = String(key);
        if (string.IsNullOrEmpty(raw)) return null;
        return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value : throw ApiException.BadRequest($"{key} must be a number");
    }

    private void Add(string key, string value)
    {
        // PostgreSQL cannot store U+0000 in text: refuse it here rather than as a failed query.
        if (key.Contains('\0') || value.Contains('\0'))
            throw ApiException.Unprocessable("Request parameters must not contain NUL characters");
        var name = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
        if (!_values.TryGetValue(name, out var list)) _values[name] = list = [];
        list.Add(value);
    }

    private async Task ReadJsonAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes) throw new ApiException(413, "Request body is too large");
        JsonDocument document;
        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                if (limited.Length + read > MaxBodyBytes) throw new ApiException(413, "Request body is too large");
                limited.Write(buffer, 0, read);
            }
            if (limited.Length == 0) return;
            limited.Position = 0;
            document = await JsonDocument.ParseAsync(limited, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("Error occurred while parsing request parameters: malformed JSON");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw ApiException.BadRequest("Error occurred while parsing request parameters: the JSON body must be an object");
            try
            {
                Flatten("", document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // A string that is no text: a lone surrogate escape (\ud800) or invalid UTF-8 bytes.
                throw ApiException.BadRequest("Error occurred while parsing request parameters: malformed JSON");
            }
        }
    }

    private void Flatten(string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Flatten(prefix.Length == 0 ? property.Name : $"{prefix}[{property.Name}]", property.Value);
                break;
            case JsonValueKind.Array:
                if (!_values.ContainsKey(prefix)) _values[prefix] = [];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    // An array of objects is Rails' nested attributes: each object becomes prefix[index][field].
                    if (item.ValueKind == JsonValueKind.Object) Flatten($"{prefix}[{index}]", item);
                    else if (item.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null)) Add(prefix, Scalar(item));
                    index++;
                }
                break;
            case JsonValueKind.Null:
                break;
            default:
                Add(prefix, Scalar(element));
                break;
        }
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}
