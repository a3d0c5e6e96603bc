namespace Fedi.Core.Instance;

/// <summary>What GET /api/v1/instance/languages lists (ISO 639-1 code and English name) and how rules render in instance documents.</summary>
public static class InstanceLanguages
{
    public sealed record Language(string code, string name);

    /// <summary>The languages posts are commonly tagged with; clients show them in their language picker.</summary>
    public static readonly IReadOnlyList<Language> All =
    [
        new("ar", "Arabic"), new("ca", "Catalan"), new("cs", "Czech"), new("da", "Danish"), new("de", "German"),
        new("el", "Greek"), new("en", "English"), new("eo", "Esperanto"), new("es", "Spanish"), new("eu", "Basque"),
        new("fa", "Persian"), new("fi", "Finnish"), new("fr", "French"), new("ga", "Irish"), new("gl", "Galician"),
        new("he", "Hebrew"), new("hi", "Hindi"), new("hu", "Hungarian"), new("id", "Indonesian"), new("it", "Italian"),
        new("ja", "Japanese"), new("ko", "Korean"), new("nl", "Dutch"), new("no", "Norwegian"), new("pl", "Polish"),
        new("pt", "Portuguese"), new("ro", "Romanian"), new("ru", "Russian"), new("sk", "Slovak"), new("sv", "Swedish"),
        new("th", "Thai"), new("tr", "Turkish"), new("uk", "Ukrainian"), new("vi", "Vietnamese"), new("zh", "Chinese"),
    ];

    /// <summary>Mastodon's Rule entity: id as a string, text, hint.</summary>
    public static IReadOnlyList<object> RenderRules(IReadOnlyList<InstanceRule> rules) =>
        rules.Select(r => (object)new { id = r.Id.ToString(), text = r.Text, hint = r.Hint }).ToList();
}
