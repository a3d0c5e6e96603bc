using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Relationships;

/// <summary>A user's domain blocks: a list of strings, normalised, idempotent, validated.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class DomainBlockTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<string[]> DomainsAsync(TestUser user, string query = "") =>
        Json(await user.Client.GetAsync($"/api/v1/domain_blocks{query}")).AsArray().Select(d => d!.GetValue<string>()).ToArray();

    [Test]
    public async Task Blocking_a_domain_lists_it_once_normalised_and_unblocking_removes_it()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var blocked = await alice.Client.PostFormAsync("/api/v1/domain_blocks", [new("domain", " Spam.Example ")]);
        Json(await alice.Client.PostJsonAsync("/api/v1/domain_blocks", new { domain = "spam.example" }));
        Json(await alice.Client.PostFormAsync("/api/v1/domain_blocks", [new("domain", "other.example")]));

        Assert.That(Json(blocked).ToJsonString(), Is.EqualTo("{}"));
        Assert.That(await DomainsAsync(alice), Is.EqualTo(new[] { "other.example", "spam.example" }));

        Assert.That(Json(await alice.Client.DeleteAsync("/api/v1/domain_blocks?domain=spam.example")).ToJsonString(), Is.EqualTo("{}"));
        Json(await alice.Client.DeleteAsync("/api/v1/domain_blocks?domain=never.example"));
        Assert.That(await DomainsAsync(alice), Is.EqualTo(new[] { "other.example" }));
    }

    [Test]
    public async Task Invalid_domains_are_refused_and_write_nothing()
    {
        var alice = await Cluster.Users.SignUpAsync();

        (await alice.Client.PostFormAsync("/api/v1/domain_blocks", [])).AssertError(422, "Validation failed: Domain can't be blank");
        (await alice.Client.PostFormAsync("/api/v1/domain_blocks", [new("domain", "not a domain")]))
            .AssertError(422, "Validation failed: Domain is not a valid domain name");

        Assert.That(await DomainsAsync(alice), Is.Empty);
    }

    [Test]
    public async Task The_domain_list_is_paginated_and_needs_its_scopes()
    {
        var alice = await Cluster.Users.SignUpAsync();
        foreach (var domain in new[] { "a.example", "b.example", "c.example" })
            Json(await alice.Client.PostFormAsync("/api/v1/domain_blocks", [new("domain", domain)]));
        var app = await Cluster.Users.RegisterAppAsync();
        var readOnly = Cluster.Api.WithToken(await Cluster.Users.PasswordTokenAsync(app, alice.Email, alice.Password, "read:blocks"));

        var page = await alice.Client.GetAsync("/api/v1/domain_blocks?limit=2");
        var rest = await alice.Client.GetAsync(new Uri(LinkHeaders.Next(page)).PathAndQuery);

        Assert.That(Json(page).AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "c.example", "b.example" }));
        Assert.That(Json(rest).AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "a.example" }));
        Assert.That(Json(await readOnly.GetAsync("/api/v1/domain_blocks")).AsArray(), Has.Count.EqualTo(3));
        Assert.That((await readOnly.PostFormAsync("/api/v1/domain_blocks", [new("domain", "d.example")])).Status, Is.EqualTo(403));
        Assert.That((await Cluster.Api.GetAsync("/api/v1/domain_blocks")).Status, Is.EqualTo(401));
        Assert.That(await DomainsAsync(alice), Has.Length.EqualTo(3));
    }

    [Test]
    public async Task The_relationship_with_a_remote_account_shows_its_domain_blocked()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var domain = $"{TestUsers.NewUsername()}.example";
        var remoteId = await Rows.ScalarAsync<long>("INSERT INTO accounts (username, domain) VALUES ('remote', @domain) RETURNING id", new { domain });
        Json(await alice.Client.PostFormAsync("/api/v1/domain_blocks", [new("domain", domain.ToUpperInvariant())]));

        var relationship = Json(await alice.Client.GetAsync($"/api/v1/accounts/relationships?id[]={remoteId}")).AsArray()[0]!;

        Assert.That(relationship["domain_blocking"]!.GetValue<bool>(), Is.True);
        Assert.That(relationship["blocking"]!.GetValue<bool>(), Is.False);
    }
}
