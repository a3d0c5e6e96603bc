using Fedi.Core.Errors;
using Fedi.Core.Identifiers;

namespace Fedi.Web.Infrastructure;

/// <summary>Ids taken from a request path.</summary>
public static class RouteId
{
    /// <summary>A path id that is not a number names no record: 404, as Mastodon's find.</summary>
    public static long Parse(string id) => Snowflake.TryParse(id) ?? throw ApiException.NotFound();
}
