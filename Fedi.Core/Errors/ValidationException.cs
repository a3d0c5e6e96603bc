namespace Fedi.Core.Errors;

/// <summary>One failed rule of one field: <paramref name="Attribute"/> is the field's human name, as Rails
/// prefixes it to <paramref name="Message"/> in the full message ("Username" + "has already been taken").</summary>
public sealed record FieldError(string Field, string Code, string Attribute, string Message)
{
    public string FullMessage => Attribute.Length == 0 ? Message : $"{Attribute} {Message}";
}

/// <summary>
/// 422 with Mastodon's validation shape (ValidationErrorFormatter):
/// <c>{"error":"Validation failed: Username has already been taken, …","details":{"username":[{"error":"ERR_TAKEN","description":"has already been taken"}]}}</c>.
/// </summary>
public sealed class ValidationException : ApiException
{
    /// <summary>A single failure whose <paramref name="description"/> is the full message ("Username can't be blank").</summary>
    public ValidationException(string field, string code, string description)
        : this([new FieldError(field, code, "", description)], description) { }

    /// <summary>Every failure at once, as Rails collects them.</summary>
    public ValidationException(IReadOnlyList<FieldError> errors)
        : this(errors, string.Join(", ", errors.Select(e => e.FullMessage))) { }

    private ValidationException(IReadOnlyList<FieldError> errors, string summary) : base(422, $"Validation failed: {summary}")
    {
        if (errors.Count == 0) throw new ArgumentException("A validation failure needs at least one error", nameof(errors));
        Errors = errors;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    public string Field => Errors[0].Field;
    public string Code => Errors[0].Code;
    public string FieldDescription => Errors[0].Message;
}
