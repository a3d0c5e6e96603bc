namespace Fedi.Core.Errors;

/// <summary>
/// 422 with Mastodon's validation shape: <c>{"error":"Validation failed: …","details":{"field":[{"error":"ERR_TAKEN","description":"…"}]}}</c>.
/// </summary>
public sealed class ValidationException(string field, string code, string description)
    : ApiException(422, $"Validation failed: {description}")
{
    public string Field { get; } = field;
    public string Code { get; } = code;
    public string FieldDescription { get; } = description;
}
