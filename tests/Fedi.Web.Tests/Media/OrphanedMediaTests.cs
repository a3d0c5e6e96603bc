using Fedi.Testing;
using Npgsql;
using static Fedi.Web.Tests.Media.MediaFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Media;

public sealed class OrphanedMediaTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Uploads_never_attached_for_a_day_are_removed_with_their_files_and_others_are_kept()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var old = (await UploadAsync(alice, Png(30, 30))).EnsureSuccess().RequireJson();
        var fresh = (await UploadAsync(alice, Png(30, 30))).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();
        var attached = (await UploadAsync(alice, Png(30, 30))).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();
        (await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", "kept"), new("media_ids[]", attached)])).EnsureSuccess();
        await using (var conn = new NpgsqlConnection(Cluster.DatabaseConnectionString))
        {
            await conn.OpenAsync();
            await using var backdate = new NpgsqlCommand(
                "UPDATE media_attachments SET created_at = now() - interval '2 days' WHERE id = ANY(@ids)", conn);
            backdate.Parameters.AddWithValue("ids", new[] { long.Parse(old["id"]!.GetValue<string>()), long.Parse(attached) });
            await backdate.ExecuteNonQueryAsync();
        }

        var run = (await Cluster.RunCliAsync(["maintenance", "run", "media-remove-orphans"])).EnsureSuccess();

        Assert.That(run.Text, Does.Contain("media-remove-orphans: ok"));
        Assert.That((await alice.Client.GetAsync($"/api/v1/media/{old["id"]}")).Status, Is.EqualTo(404));
        Assert.That((await DownloadAsync(old["url"]!.GetValue<string>())).Response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That((await alice.Client.GetAsync($"/api/v1/media/{fresh}")).Status, Is.EqualTo(200));
        Assert.That((await alice.Client.GetAsync($"/api/v1/media/{attached}")).Status, Is.EqualTo(200));
    }
}
