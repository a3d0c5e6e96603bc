using Fedi.Testing;
using static Fedi.Web.Tests.Notifications.Notifications;

namespace Fedi.Web.Tests.Profiles;

/// <summary>Editing one's profile and posting defaults, within Mastodon's limits.</summary>
public sealed class UpdateCredentialsTests
{
    [Test]
    public async Task Changes_show_on_the_account_and_in_its_source_and_only_what_was_sent_changes()
    {
        var alice = await SignUpAsync();

        var updated = (await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new
        {
            display_name = "Alice", note = "hello <world>", locked = true, indexable = true,
            fields_attributes = new Dictionary<string, object> { ["0"] = new { name = "site", value = "example.org" } },
            source = new { privacy = "unlisted", language = "de" },
        })).EnsureSuccess().RequireJson();
        var again = (await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { bot = true })).EnsureSuccess().RequireJson();

        Assert.That(updated.Text("display_name"), Is.EqualTo("Alice"));
        Assert.That(updated.Text("note"), Is.EqualTo("<p>hello &lt;world&gt;</p>"));
        Assert.That(updated["source"].Text("note"), Is.EqualTo("hello <world>"));
        Assert.That(updated["fields"]![0].Text("name"), Is.EqualTo("site"));
        Assert.That(updated["source"].Text("privacy"), Is.EqualTo("unlisted"));
        Assert.That(again["locked"]!.GetValue<bool>(), Is.True);
        Assert.That(again["bot"]!.GetValue<bool>(), Is.True);
        Assert.That(again["indexable"]!.GetValue<bool>(), Is.True);
        Assert.That(again.Text("display_name"), Is.EqualTo("Alice"));
        var verified = (await alice.Client.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess().RequireJson();
        Assert.That(verified["source"].Text("language"), Is.EqualTo("de"));
    }

    [Test]
    public async Task Limits_are_refused_with_422_and_nothing_saved()
    {
        var alice = await SignUpAsync();
        var five = Enumerable.Range(0, 5).ToDictionary(i => i.ToString(), i => (object)new { name = $"n{i}", value = "v" });

        var tooMany = await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { display_name = "x", fields_attributes = five });
        var longName = await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { display_name = new string('a', 31) });
        var longValue = await alice.Client.PatchAsync("/api/v1/accounts/update_credentials",
            new { fields_attributes = new Dictionary<string, object> { ["0"] = new { name = "n", value = new string('v', 256) } } });
        var badPrivacy = await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { source = new { privacy = "everyone" } });
        var avatar = await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { avatar = "x" });

        Assert.That(new[] { tooMany.Status, longName.Status, longValue.Status, badPrivacy.Status, avatar.Status }, Is.All.EqualTo(422));
        Assert.That(tooMany.RequireJson().Text("error"), Does.Contain("Fields"));
        var account = (await alice.Client.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess().RequireJson();
        Assert.That(account.Text("display_name"), Is.Not.EqualTo("x"));
        Assert.That(account["fields"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task New_statuses_take_the_default_privacy_and_language_unless_given()
    {
        var alice = await SignUpAsync();
        (await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { source = new { privacy = "private", language = "fr" } })).EnsureSuccess();

        var byDefault = (await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", "bonjour")])).EnsureSuccess().RequireJson();
        var given = (await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", "hi"), new("visibility", "public"), new("language", "en")]))
            .EnsureSuccess().RequireJson();
        var preferences = (await alice.Client.GetAsync("/api/v1/preferences")).EnsureSuccess().RequireJson();

        Assert.That((byDefault.Text("visibility"), byDefault.Text("language")), Is.EqualTo(("private", "fr")));
        Assert.That((given.Text("visibility"), given.Text("language")), Is.EqualTo(("public", "en")));
        Assert.That(preferences.Text("posting:default:visibility"), Is.EqualTo("private"));
    }

    [Test]
    public async Task A_note_shows_in_the_relationship_and_an_empty_one_removes_it()
    {
        var alice = await SignUpAsync();
        var bob = await SignUpAsync();

        var noted = (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/note", [new("comment", "met at the conf")])).EnsureSuccess().RequireJson();
        var cleared = (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/note", [new("comment", "")])).EnsureSuccess().RequireJson();

        Assert.That(noted.Text("note"), Is.EqualTo("met at the conf"));
        Assert.That(cleared.Text("note"), Is.Empty);
    }

    [Test]
    public async Task Removing_a_follower_ends_their_follow_and_familiar_followers_lists_whom_i_follow()
    {
        var alice = await SignUpAsync();
        var bob = await SignUpAsync();
        var carol = await SignUpAsync();
        await FollowAsync(bob, alice);
        await FollowAsync(alice, carol);
        await FollowAsync(carol, bob);

        var familiar = (await alice.Client.GetAsync($"/api/v1/accounts/familiar_followers?id[]={bob.AccountId}")).EnsureSuccess().RequireJson();
        var removed = (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/remove_from_followers", [])).EnsureSuccess().RequireJson();
        var several = (await alice.Client.GetAsync($"/api/v1/accounts?id[]={carol.AccountId}&id[]={bob.AccountId}")).EnsureSuccess().RequireJson();

        Assert.That(familiar[0]!["accounts"]!.AsArray().Select(a => a.Text("id")), Is.EqualTo(new[] { carol.AccountId }));
        Assert.That(removed["followed_by"]!.GetValue<bool>(), Is.False);
        Assert.That(several.AsArray().Select(a => a.Text("id")), Is.EqualTo(new[] { carol.AccountId, bob.AccountId }));
    }
}
