using Fedi.Core.Errors;

namespace Fedi.Core.Filters;

/// <summary>Mastodon's CustomFilter validations: a title, at least one known context, a known action.</summary>
public static class FilterRules
{
    public const string Warn = "warn";
    public const string Hide = "hide";
    public const string Blur = "blur";

    public static readonly IReadOnlyList<string> Contexts = ["home", "notifications", "public", "thread", "account"];
    public static readonly IReadOnlyList<string> Actions = [Warn, Hide, Blur];

    public static void Check(string title, IReadOnlyList<string> context, string action)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new FieldError("title", "ERR_BLANK", "Title", "can't be blank"));
        if (title.Length > 256) errors.Add(new FieldError("title", "ERR_TOO_LONG", "Title", "is too long (maximum is 256 characters)"));
        if (context.Count == 0) errors.Add(new FieldError("context", "ERR_BLANK", "Context", "can't be blank"));
        else if (context.Any(c => !Contexts.Contains(c))) errors.Add(new FieldError("context", "ERR_INVALID", "Context", "None or invalid context supplied"));
        if (!Actions.Contains(action)) errors.Add(new FieldError("filter_action", "ERR_INVALID", "Filter action", "is not included in the list"));
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    public static void CheckKeyword(string keyword)
    {
        if (string.IsNullOrWhiteSpace(keyword)) throw new ValidationException("keyword", "ERR_BLANK", "Keyword can't be blank");
        if (keyword.Length > 512) throw new ValidationException("keyword", "ERR_TOO_LONG", "Keyword is too long (maximum is 512 characters)");
    }
}
