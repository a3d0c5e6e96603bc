using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests;

/// <summary>Assertions on Mastodon's error bodies.</summary>
public static class Assertions
{
    /// <summary>The status and <c>{"error": "…"}</c> of a failed request.</summary>
    public static void AssertError(this ApiResponse response, int status, string error)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(status), response.ToString());
            Assert.That(response.Json?["error"]?.GetValue<string>(), Is.EqualTo(error), response.ToString());
        });
    }

    /// <summary>An OAuth error: status, error code and a non-empty error_description.</summary>
    public static void AssertOAuthError(this ApiResponse response, int status, string error)
    {
        response.AssertError(status, error);
        Assert.That(response.Json?["error_description"]?.GetValue<string>(), Is.Not.Empty, response.ToString());
    }

    public static string Text(this JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() ?? throw new AssertionException($"No string \"{property}\" in {node?.ToJsonString()}");
}
