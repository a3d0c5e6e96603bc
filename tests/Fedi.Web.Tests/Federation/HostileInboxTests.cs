using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fedi.Core.Federation.Signatures;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>What an inbox does with what anyone may post to it: only signed activities of their own actor get in.</summary>
public sealed class HostileInboxTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<ApiResponse> PostAsync(string path, byte[] body, IEnumerable<(string Name, string Value)> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Cluster.Api.Absolute(path)) { Content = new ByteArrayContent(body) };
        // Lets the inbox refuse an oversized body before it is sent, rather than racing the upload.
        request.Headers.ExpectContinue = true;
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/activity+json");
        foreach (var (name, value) in headers)
            if (name != "host") request.Headers.TryAddWithoutValidation(name, value);
        return await Cluster.Api.SendAsync(request);
    }

    /// <summary>Signed with a local account's own key, so the inbox finds the key without fetching anything.</summary>
    private static async Task<IReadOnlyList<(string, string)>> SignedAsLocalAsync(TestUser signer, string path, byte[] body, bool rfc9421 = false)
    {
        var pem = await Rows.ScalarAsync<string>("SELECT private_key FROM accounts WHERE id = @id", new { id = long.Parse(signer.AccountId) });
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var url = Cluster.Api.Absolute(path);
        var keyId = $"{Cluster.Base()}/users/{signer.Username}#main-key";
        return rfc9421
            ? MessageSignature.Sign("POST", url, body, keyId, rsa, DateTimeOffset.UtcNow)
            : CavageSignature.Sign("POST", url, body, keyId, rsa, DateTimeOffset.UtcNow);
    }

    private static byte[] Activity(TestUser actor, string type = "Like") => Encoding.UTF8.GetBytes(
        $$"""{"@context":"https://www.w3.org/ns/activitystreams","id":"{{Cluster.Base()}}/test/{{Guid.NewGuid()}}","type":"{{type}}","actor":"{{Cluster.Base()}}/users/{{actor.Username}}","object":"{{Cluster.Base()}}/nothing"}""");

    [Test]
    public async Task An_unsigned_post_to_either_inbox_is_401()
    {
        var alice = await Cluster.Users.SignUpAsync();
        (await PostAsync("/inbox", Activity(alice), [])).AssertError(401, "Request not signed");
        (await PostAsync($"/users/{alice.Username}/inbox", Activity(alice), [])).AssertError(401, "Request not signed");
    }

    [Test]
    public async Task A_signed_activity_is_accepted_with_202_by_draft_cavage_and_RFC_9421()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var body = Activity(alice);
        var path = $"/users/{bob.Username}/inbox";

        Assert.That((await PostAsync(path, body, await SignedAsLocalAsync(alice, path, body))).Status, Is.EqualTo(202));
        var other = Activity(alice);
        Assert.That((await PostAsync("/inbox", other, await SignedAsLocalAsync(alice, "/inbox", other, rfc9421: true))).Status, Is.EqualTo(202));
        // The same activity again is accepted (the peer must not retry) and processed once.
        Assert.That((await PostAsync(path, body, await SignedAsLocalAsync(alice, path, body))).Status, Is.EqualTo(202));
    }

    [Test]
    public async Task A_tampered_body_or_another_actors_activity_is_401()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var mallory = await Cluster.Users.SignUpAsync();
        var body = Activity(alice);
        var headers = await SignedAsLocalAsync(alice, "/inbox", body);
        var tampered = Activity(alice);
        (await PostAsync("/inbox", tampered, headers)).AssertError(401, "Invalid Digest value. The request body does not match the Digest header");

        var impersonation = Activity(alice);
        var signedByMallory = await SignedAsLocalAsync(mallory, "/inbox", impersonation);
        (await PostAsync("/inbox", impersonation, signedByMallory)).AssertError(401, "Signer is not the activity's actor");
    }

    [Test]
    public async Task An_oversized_body_is_413()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var body = new byte[1024 * 1024 + 1];
        Array.Fill(body, (byte)' ');
        var response = await PostAsync("/inbox", body, await SignedAsLocalAsync(alice, "/inbox", body));
        Assert.That(response.Status, Is.EqualTo(413));
        Assert.That(response.RequireJson()["error"], Is.Not.Null);
    }
}
