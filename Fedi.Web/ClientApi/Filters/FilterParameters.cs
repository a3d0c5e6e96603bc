using Fedi.Core.Filters;
using Fedi.Core.Identifiers;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Filters;

/// <summary>The parameters of POST/PUT /api/v2/filters (title, context[], filter_action, expires_in, keywords_attributes[])
/// and of v1's filters (phrase, context[], irreversible, whole_word, expires_in).</summary>
public static class FilterParameters
{
    public static FilterInput ReadV2(RequestParameters p) => new()
    {
        Title = p.String("title"),
        Context = p.Has("context") ? p.Strings("context") : null,
        Action = p.String("filter_action") is { Length: > 0 } action ? action : null,
        ExpiresInSent = p.Has("expires_in"),
        ExpiresInSeconds = p.Int("expires_in"),
        Keywords = p.Objects("keywords_attributes").Select(o => new KeywordInput(
            o.TryGetValue("id", out var id) ? Snowflake.TryParse(id) ?? 0 : null,
            o.GetValueOrDefault("keyword"),
            RequestParameters.CastBool(o.GetValueOrDefault("whole_word")),
            RequestParameters.CastBool(o.GetValueOrDefault("_destroy")) == true)).ToList(),
    };

    /// <summary>v1: one keyword (the phrase), hidden outright when irreversible.</summary>
    public static FilterInput ReadV1(RequestParameters p, long? keywordId = null) => new()
    {
        Title = keywordId is null ? p.String("phrase") : null,
        Context = p.Has("context") ? p.Strings("context") : null,
        Action = p.Bool("irreversible") is { } irreversible ? (irreversible ? FilterRules.Hide : FilterRules.Warn) : null,
        ExpiresInSent = p.Has("expires_in"),
        ExpiresInSeconds = p.Int("expires_in"),
        Keywords = [new KeywordInput(keywordId, p.String("phrase"), p.Bool("whole_word"), false)],
    };
}
