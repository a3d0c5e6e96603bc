using Fedi.Core.Contracts;
using Fedi.Core.OAuth;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Web.Tests.OAuth;

/// <summary>POST /oauth/revoke (RFC 7009).</summary>
public sealed class RevokeTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static Task<ApiResponse> RevokeAsync(TestApp app, string token, string? secret = null) =>
        Cluster.Api.PostFormAsync("/oauth/revoke", [new("client_id", app.ClientId), new("client_secret", secret ?? app.ClientSecret), new("token", token)]);

    private static Task<long> TokenIdAsync(string token) =>
        Rows.ScalarAsync<long>("SELECT id FROM oauth_access_tokens WHERE token_digest = @digest", new { digest = TokenDigest.Of(token) });

    [Test]
    public async Task A_revoked_token_stops_working_and_its_streams_are_told_to_close()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var user = await Cluster.Users.SignUpAsync();
        var token = await Cluster.Users.PasswordTokenAsync(app, user.Email, user.Password);
        (await Cluster.Api.WithToken(token).GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess();
        var tokenId = await TokenIdAsync(token);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(WebCluster.Redis.Configuration);
        var killed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = RedisChannel.Literal($"{Cluster.RedisNamespace}:{RedisChannels.AccessToken(tokenId)}");
        await redis.GetSubscriber().SubscribeAsync(channel, (_, message) => killed.TrySetResult(message.ToString()));

        var response = await RevokeAsync(app, token);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Body, Is.EqualTo("{}"));
        Assert.That(await killed.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(StreamMessage.EncodeKill()));
        (await Cluster.Api.WithToken(token).GetAsync("/api/v1/accounts/verify_credentials")).AssertError(401, "The access token was revoked");
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM oauth_access_tokens WHERE id = @tokenId AND revoked_at IS NOT NULL", new { tokenId }), Is.EqualTo(1));
    }

    [Test]
    public async Task Revoking_an_unknown_token_answers_ok()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var response = await RevokeAsync(app, "no-such-token");
        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Body, Is.EqualTo("{}"));
    }

    [Test]
    public async Task A_client_cannot_revoke_another_clients_token()
    {
        var owner = await Cluster.Users.RegisterAppAsync();
        var other = await Cluster.Users.RegisterAppAsync();
        var user = await Cluster.Users.SignUpAsync();
        var token = await Cluster.Users.PasswordTokenAsync(owner, user.Email, user.Password);

        (await RevokeAsync(other, token)).AssertOAuthError(403, "unauthorized_client");
        (await RevokeAsync(owner, token, secret: "wrong")).AssertOAuthError(403, "unauthorized_client");

        (await Cluster.Api.WithToken(token).GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess();
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM oauth_access_tokens WHERE token_digest = @digest AND revoked_at IS NULL",
            new { digest = TokenDigest.Of(token) }), Is.EqualTo(1));
    }
}
