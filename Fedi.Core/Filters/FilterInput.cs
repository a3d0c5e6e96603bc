namespace Fedi.Core.Filters;

/// <summary>A filter as a client sends it (POST/PUT /api/v2/filters); null fields of an update stay as they are.</summary>
public sealed record FilterInput
{
    public string? Title { get; init; }
    public IReadOnlyList<string>? Context { get; init; }
    public string? Action { get; init; }

    /// <summary>Whether expires_in was sent; an empty one clears the expiry.</summary>
    public bool ExpiresInSent { get; init; }
    public int? ExpiresInSeconds { get; init; }
    public IReadOnlyList<KeywordInput> Keywords { get; init; } = [];
}

/// <summary>One of <c>keywords_attributes[]</c>: a new keyword (no id), a change to one, or its removal (<c>_destroy</c>).</summary>
public sealed record KeywordInput(long? Id, string? Keyword, bool? WholeWord, bool Destroy);
