using System.Net;
using System.Net.WebSockets;
using Fedi.Testing;

namespace Fedi.System.Tests;

/// <summary>An operator locks a user out with <c>accounts modify --disable</c>: API, sign-in and open streams end at once.</summary>
public sealed class DisableUserTests
{
    private static readonly TimeSpan CloseDeadline = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Disabling_a_user_closes_its_open_streams_and_refuses_its_token_until_enabled_again()
    {
        var cluster = SystemCluster.Cluster;
        var user = await cluster.Users.SignUpAsync();
        var bystander = await cluster.Users.SignUpAsync();
        await using var stream = await WebSocketClient.ConnectAsync(cluster.StreamingUrl, user.Token, "user");
        await using var other = await WebSocketClient.ConnectAsync(cluster.StreamingUrl, bystander.Token, "user");

        var disabled = await cluster.RunCliAsync(["accounts", "modify", user.Username, "--disable"]);

        Assert.That(disabled.ExitCode, Is.Zero, disabled.Text);
        Assert.ThrowsAsync<WebSocketException>(async () => await stream.ReceiveJsonAsync(CloseDeadline), "the stream was closed");
        Assert.That(other.State, Is.EqualTo(WebSocketState.Open), "other users' streams stay open");
        var refused = await user.Client.GetAsync("/api/v1/accounts/verify_credentials");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.RequireJson()["error"]!.GetValue<string>(), Is.EqualTo("Your login is currently disabled"));
        Assert.ThrowsAsync<WebSocketException>(async () => await WebSocketClient.ConnectAsync(cluster.StreamingUrl, user.Token, "user"),
            "a new stream is refused");

        var enabled = await cluster.RunCliAsync(["accounts", "modify", user.Username, "--enable"]);

        Assert.That(enabled.ExitCode, Is.Zero, enabled.Text);
        (await user.Client.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess();
    }

    [Test]
    public async Task Modifying_an_unknown_user_says_so_and_changes_nothing()
    {
        var result = await SystemCluster.Cluster.RunCliAsync(["accounts", "modify", "nobody_" + TestUsers.NewUsername(), "--disable"]);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Text, Does.Contain("No local user"));
    }
}
