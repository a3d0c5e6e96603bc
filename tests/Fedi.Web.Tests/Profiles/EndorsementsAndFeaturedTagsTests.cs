using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Profiles;

/// <summary>What a profile features: endorsed accounts (Mastodon's account pins) and featured hashtags.</summary>
public sealed class EndorsementsAndFeaturedTagsTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Only_a_followed_account_can_be_endorsed_and_endorsements_are_listed_with_the_relationship()
    {
        var (alice, bob, carol) = (await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync());
        await FollowAsync(alice, bob);

        var pinned = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/pin", []));
        var notFollowed = await alice.Client.PostFormAsync($"/api/v1/accounts/{carol.AccountId}/pin", []);
        var listed = Json(await alice.Client.GetAsync("/api/v1/endorsements")).AsArray();

        Assert.That(pinned["endorsed"]!.GetValue<bool>(), Is.True);
        notFollowed.AssertError(422, "Validation failed: You must be already following the person you want to endorse");
        Assert.That(listed.Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { bob.AccountId }));
        (await alice.Client.PostFormAsync("/api/v1/accounts/123456789/pin", [])).AssertError(404, "Record not found");

        var unpinned = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unpin", []));
        Assert.That(unpinned["endorsed"]!.GetValue<bool>(), Is.False);
        Assert.That(Json(await alice.Client.GetAsync("/api/v1/endorsements")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task Featured_tags_count_the_accounts_public_posts_and_are_shown_on_its_profile()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var tag = RandomNames.Unique("Garden");
        await PostAsync(alice, $"one #{tag}");
        await PostAsync(alice, $"two #{tag}", "unlisted");
        await PostAsync(alice, $"hidden #{tag}", "private");
        await PostAsync(alice, $"other #{tag}x");

        var suggested = Json(await alice.Client.GetAsync("/api/v1/featured_tags/suggestions")).AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        var featured = Json(await alice.Client.PostFormAsync("/api/v1/featured_tags", [new("name", $"#{tag}")]));
        var again = await alice.Client.PostFormAsync("/api/v1/featured_tags", [new("name", tag.ToLowerInvariant())]);
        var invalid = await alice.Client.PostFormAsync("/api/v1/featured_tags", [new("name", "not a tag")]);
        var onProfile = Json(await Cluster.Api.GetAsync($"/api/v1/accounts/{alice.AccountId}/featured_tags")).AsArray();

        Assert.That(suggested, Does.Contain(tag.ToLowerInvariant()));
        Assert.That(featured["name"]!.GetValue<string>(), Is.EqualTo(tag));
        Assert.That(featured["statuses_count"]!.GetValue<string>(), Is.EqualTo("2"), "public and unlisted posts count, private ones do not");
        Assert.That(featured["last_status_at"]!.GetValue<string>(), Is.EqualTo(DateTime.UtcNow.ToString("yyyy-MM-dd")));
        Assert.That(featured["url"]!.GetValue<string>(), Does.EndWith($"/@{alice.Username}/tagged/{tag}"));
        again.AssertError(422, "Validation failed: Name has already been taken");
        invalid.AssertError(422, "Validation failed: Name is invalid");
        Assert.That(onProfile.Select(t => t!["id"]!.GetValue<string>()), Is.EqualTo(new[] { featured["id"]!.GetValue<string>() }));

        (await alice.Client.DeleteAsync($"/api/v1/featured_tags/{featured["id"]}")).EnsureSuccess();
        (await alice.Client.DeleteAsync($"/api/v1/featured_tags/{featured["id"]}")).AssertError(404, "Record not found");
        Assert.That(Json(await alice.Client.GetAsync("/api/v1/featured_tags")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task No_more_than_ten_hashtags_are_featured()
    {
        var alice = await Cluster.Users.SignUpAsync();
        for (var i = 0; i < 10; i++)
            Json(await alice.Client.PostFormAsync("/api/v1/featured_tags", [new("name", RandomNames.Unique("tag"))]));

        (await alice.Client.PostFormAsync("/api/v1/featured_tags", [new("name", RandomNames.Unique("tag"))]))
            .AssertError(422, "Validation failed: You have already featured the maximum number of hashtags");
    }
}
