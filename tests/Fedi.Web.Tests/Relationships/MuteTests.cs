using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Relationships;

/// <summary>Muting: notifications option, duration, the mutes list, and bad input.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class MuteTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static Task<long> MuteRowsAsync(TestUser user) =>
        Rows.CountAsync("SELECT count(*) FROM mutes WHERE account_id = @id", new { id = long.Parse(user.AccountId) });

    [Test]
    public async Task Muting_hides_notifications_by_default_and_keeps_following()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        await FollowAsync(alice, bob);

        var relationship = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/mute", []));

        Assert.Multiple(() =>
        {
            Assert.That(relationship["muting"]!.GetValue<bool>(), Is.True);
            Assert.That(relationship["muting_notifications"]!.GetValue<bool>(), Is.True);
            Assert.That(relationship["muting_expires_at"], Is.Null);
            Assert.That(relationship["following"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task Muting_with_a_duration_expires_and_muting_again_replaces_the_options()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();

        var timed = Json(await alice.Client.PostJsonAsync($"/api/v1/accounts/{bob.AccountId}/mute", new { notifications = false, duration = 3600 }));
        Assert.That(timed["muting"]!.GetValue<bool>(), Is.True);
        Assert.That(timed["muting_notifications"]!.GetValue<bool>(), Is.False);
        var expiresAt = DateTime.Parse(timed.Text("muting_expires_at"), null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.That(expiresAt, Is.EqualTo(DateTime.UtcNow.AddHours(1)).Within(TimeSpan.FromMinutes(5)));
        var listed = Json(await alice.Client.GetAsync("/api/v1/mutes")).AsArray();
        Assert.That(listed.Select(a => a!.Text("id")), Is.EqualTo(new[] { bob.AccountId }));
        Assert.That(listed[0]!.Text("mute_expires_at"), Is.EqualTo(timed.Text("muting_expires_at")));

        var forever = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/mute", [new("duration", "0")]));
        Assert.That(forever["muting_expires_at"], Is.Null);
        Assert.That(forever["muting_notifications"]!.GetValue<bool>(), Is.True);
        Assert.That(await MuteRowsAsync(alice), Is.EqualTo(1));
    }

    [Test]
    public async Task An_expired_mute_no_longer_mutes()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/mute", [new("duration", "3600")]));

        await Rows.ExecuteAsync("UPDATE mutes SET expires_at = now() - interval '1 second' WHERE account_id = @id", new { id = long.Parse(alice.AccountId) });

        var relationship = Json(await alice.Client.GetAsync($"/api/v1/accounts/relationships?id[]={bob.AccountId}")).AsArray()[0]!;
        Assert.That(relationship["muting"]!.GetValue<bool>(), Is.False);
        Assert.That(Ids(await alice.Client.GetAsync("/api/v1/mutes")), Is.Empty);
    }

    [Test]
    public async Task Unmuting_removes_the_mute_and_may_be_repeated()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/mute", []));

        var unmuted = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unmute", []));
        var again = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unmute", []));

        Assert.That(unmuted["muting"]!.GetValue<bool>(), Is.False);
        Assert.That(again["muting"]!.GetValue<bool>(), Is.False);
        Assert.That(await MuteRowsAsync(alice), Is.Zero);
    }

    [Test]
    public async Task Bad_mutes_are_refused_and_write_nothing()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        var readOnly = Cluster.Api.WithToken(await Cluster.Users.PasswordTokenAsync(app, alice.Email, alice.Password, "read write:blocks"));

        (await alice.Client.PostFormAsync("/api/v1/accounts/999999999999/mute", [])).AssertError(404, "Record not found");
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/mute", [new("duration", "soon")])).AssertError(400, "duration must be a number");
        Assert.That((await readOnly.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/mute", [])).Status, Is.EqualTo(403));
        var self = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/mute", []));

        Assert.That(self["muting"]!.GetValue<bool>(), Is.False);
        Assert.That(await MuteRowsAsync(alice), Is.Zero);
    }

    [Test]
    public async Task The_mutes_list_is_paginated_by_mute_with_link_headers()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var first = await Cluster.Users.SignUpAsync();
        var second = await Cluster.Users.SignUpAsync();
        Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{first.AccountId}/mute", []));
        Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{second.AccountId}/mute", []));

        var page = await alice.Client.GetAsync("/api/v1/mutes?limit=1");
        Assert.That(Ids(page), Is.EqualTo(new[] { second.AccountId }));
        var rest = await alice.Client.GetAsync(new Uri(LinkHeaders.Next(page)).PathAndQuery);
        Assert.That(Ids(rest), Is.EqualTo(new[] { first.AccountId }));
    }
}
