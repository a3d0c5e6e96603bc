using Fedi.Testing;
using static Fedi.Web.Tests.Lists.ListFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Lists;

public sealed class ListMembersTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Only_followed_accounts_can_be_added_and_a_refused_batch_adds_nobody()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var followed = await Cluster.Users.SignUpAsync();
        var stranger = await Cluster.Users.SignUpAsync();
        await FollowAsync(alice, followed);
        var list = await CreateListAsync(alice);

        var refused = await AddMembersAsync(alice, list, followed, stranger);
        var membersAfterRefusal = await MemberIdsAsync(alice, list);
        var added = await AddMembersAsync(alice, list, followed);
        var unknown = await alice.Client.PostFormAsync($"/api/v1/lists/{list}/accounts", [new("account_ids[]", "999999")]);

        refused.AssertError(422, "Validation failed: Account must be a followed account");
        Assert.That(membersAfterRefusal, Is.Empty);
        Assert.That(added.Status, Is.EqualTo(200));
        Assert.That(await MemberIdsAsync(alice, list), Is.EqualTo(new[] { followed.AccountId }));
        Assert.That(unknown.Status, Is.EqualTo(404));
        Assert.That(Json(await alice.Client.GetAsync($"/api/v1/accounts/{followed.AccountId}/lists")).AsArray()
            .Select(l => l!["id"]!.GetValue<string>()), Is.EqualTo(new[] { list }));
    }

    [Test]
    public async Task Removing_a_member_or_unfollowing_it_takes_it_off_the_list()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var carol = await Cluster.Users.SignUpAsync();
        await FollowAsync(alice, bob);
        await FollowAsync(alice, carol);
        var list = await CreateListAsync(alice);
        (await AddMembersAsync(alice, list, bob, carol)).EnsureSuccess();

        var removed = await alice.Client.DeleteAsync($"/api/v1/lists/{list}/accounts?account_ids[]={bob.AccountId}");
        var afterRemoval = await MemberIdsAsync(alice, list);
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{carol.AccountId}/unfollow", [])).EnsureSuccess();

        Assert.That(removed.Status, Is.EqualTo(200));
        Assert.That(afterRemoval, Is.EqualTo(new[] { carol.AccountId }));
        Assert.That(await MemberIdsAsync(alice, list), Is.Empty);
    }

    [Test]
    public async Task The_owner_may_put_itself_on_its_list_without_following_itself()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var list = await CreateListAsync(alice);
        var own = await PostAsync(alice, "my own post");

        (await AddMembersAsync(alice, list, alice)).EnsureSuccess();

        Assert.That(await MemberIdsAsync(alice, list), Is.EqualTo(new[] { alice.AccountId }));
        Assert.That(Ids(await alice.Client.GetAsync($"/api/v1/timelines/list/{list}")), Is.EqualTo(new[] { own }));
    }
}
