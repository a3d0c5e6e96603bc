using System.Text.Json.Nodes;
using Fedi.Testing;
using static Fedi.Web.Tests.Media.MediaFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Media;

public sealed class MediaAttachTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<string> UploadIdAsync(TestUser user) =>
        (await UploadAsync(user, Png(60, 40))).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();

    private static Task<ApiResponse> PostWithMediaAsync(TestUser user, string text, params string[] mediaIds) =>
        user.Client.PostFormAsync("/api/v1/statuses",
            [new("status", text), new("sensitive", "true"), .. mediaIds.Select(id => new KeyValuePair<string, string>("media_ids[]", id))]);

    [Test]
    public async Task A_post_with_media_and_no_text_shows_its_attachments_and_only_media_timelines_keep_it()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var tag = RandomNames.Unique("Pics");
        var (first, second) = (await UploadIdAsync(alice), await UploadIdAsync(alice));
        var plain = await PostAsync(alice, $"just words #{tag}");

        var posted = (await PostWithMediaAsync(alice, "", first, second)).EnsureSuccess().RequireJson();
        var tagged = Json(await PostWithMediaAsync(alice, $"#{tag}", await UploadIdAsync(alice)))["id"]!.GetValue<string>();

        var id = posted["id"]!.GetValue<string>();
        Assert.That(posted["sensitive"]!.GetValue<bool>(), Is.True);
        var shown = Json(await Cluster.Api.GetAsync($"/api/v1/statuses/{id}"));
        var attachments = shown["media_attachments"]!.AsArray();
        Assert.That(attachments.Select(m => m!["id"]!.GetValue<string>()), Is.EqualTo(new[] { first, second }));
        Assert.That(attachments[0]!["url"]!.GetValue<string>(), Does.Contain("/system/media_attachments/files/"));
        Assert.That(attachments[0]!["preview_url"]!.GetValue<string>(), Does.Contain("/small/"));
        Assert.That(attachments[0]!["meta"]!["original"]!["size"]!.GetValue<string>(), Is.EqualTo("60x40"));

        var profile = Ids(await Cluster.Api.GetAsync($"/api/v1/accounts/{alice.AccountId}/statuses?only_media=true"));
        Assert.That(profile, Is.EqualTo(new[] { tagged, id }));
        var everything = Ids(await Cluster.Api.GetAsync($"/api/v1/accounts/{alice.AccountId}/statuses"));
        Assert.That(everything, Does.Contain(plain));
        var hashtag = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{tag}?only_media=true"));
        Assert.That(hashtag, Is.EqualTo(new[] { tagged }));
        var local = Ids(await Cluster.Api.GetAsync("/api/v1/timelines/public?local=true&only_media=true&limit=40"));
        Assert.That(local, Does.Contain(id).And.Not.Contain(plain));
    }

    [Test]
    public async Task More_than_four_attachments_are_refused()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await UploadIdAsync(alice));

        var response = await PostWithMediaAsync(alice, "five", [.. ids]);

        Assert.That(response.Status, Is.EqualTo(422), response.ToString());
        Assert.That(Error(response), Does.Contain("more than 4"));
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.Zero);
    }

    [Test]
    public async Task Someone_elses_or_an_attached_upload_cannot_be_attached_and_an_attached_one_cannot_be_deleted()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var bobs = await UploadIdAsync(bob);
        var alices = await UploadIdAsync(alice);
        (await PostWithMediaAsync(alice, "mine", alices)).EnsureSuccess();

        Assert.That((await PostWithMediaAsync(alice, "stolen", bobs)).Status, Is.EqualTo(422));
        Assert.That((await PostWithMediaAsync(alice, "again", alices)).Status, Is.EqualTo(422));
        Assert.That((await PostWithMediaAsync(alice, "nonsense", "abc")).Status, Is.EqualTo(422));
        var delete = await alice.Client.DeleteAsync($"/api/v1/media/{alices}");
        Assert.That(delete.Status, Is.EqualTo(422), delete.ToString());
    }

    [Test]
    public async Task Delete_and_redraft_posts_the_same_media_again()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var mediaId = await UploadIdAsync(alice);
        var id = Json(await PostWithMediaAsync(alice, "draft one", mediaId))["id"]!.GetValue<string>();

        var deleted = Json(await alice.Client.DeleteAsync($"/api/v1/statuses/{id}"));
        var redrafted = Json(await PostWithMediaAsync(alice, "draft two", mediaId));

        Assert.That(deleted["media_attachments"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(mediaId));
        Assert.That(redrafted["media_attachments"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(mediaId));
    }

    [Test]
    public async Task An_edit_replaces_the_attachments()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var (before, after) = (await UploadIdAsync(alice), await UploadIdAsync(alice));
        var id = Json(await PostWithMediaAsync(alice, "first", before))["id"]!.GetValue<string>();

        var edited = Json(await alice.Client.PutAsync($"/api/v1/statuses/{id}", new JsonObject
        {
            ["status"] = "first",
            ["media_ids"] = new JsonArray(after),
        }));

        Assert.That(edited["media_attachments"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()), Is.EqualTo(new[] { after }));
        Assert.That(edited["edited_at"], Is.Not.Null);
        Assert.That((await alice.Client.DeleteAsync($"/api/v1/media/{before}")).Status, Is.EqualTo(200), "the replaced upload is free again");
    }
}
