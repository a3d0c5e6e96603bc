using System.Net.Http.Headers;
using Fedi.Testing;
using NetVips;
using static Fedi.Web.Tests.Media.MediaFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Media;

public sealed class ProfileImageTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static Task<ApiResponse> UpdateAsync(TestUser user, string field, byte[] file, string fileName = "me.png")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(part, field, fileName);
        content.Add(new StringContent("With a face"), "display_name");
        return user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, user.Client.BaseUrl + "/api/v1/accounts/update_credentials") { Content = content });
    }

    [Test]
    public async Task An_uploaded_avatar_and_header_are_cropped_and_shown_by_verify_credentials_until_deleted()
    {
        var alice = await Cluster.Users.SignUpAsync();

        (await UpdateAsync(alice, "avatar", Png(900, 600))).EnsureSuccess();
        var updated = Json(await UpdateAsync(alice, "header", Png(3000, 1500)));

        var me = Json(await alice.Client.GetAsync("/api/v1/accounts/verify_credentials"));
        Assert.That(updated["display_name"]!.GetValue<string>(), Is.EqualTo("With a face"));
        var avatar = me["avatar"]!.GetValue<string>();
        Assert.That(avatar, Does.Contain("/system/accounts/avatars/"));
        Assert.That(me["avatar_static"]!.GetValue<string>(), Is.EqualTo(avatar));
        var (avatarBytes, served) = await DownloadAsync(avatar);
        Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        using (var image = Image.NewFromBuffer(avatarBytes)) Assert.That((image.Width, image.Height), Is.EqualTo((400, 400)));
        var (headerBytes, _) = await DownloadAsync(me["header"]!.GetValue<string>());
        using (var image = Image.NewFromBuffer(headerBytes)) Assert.That((image.Width, image.Height), Is.EqualTo((1500, 500)));
        var shown = Json(await Cluster.Api.GetAsync($"/api/v1/accounts/{alice.AccountId}"));
        Assert.That(shown["avatar"]!.GetValue<string>(), Is.EqualTo(avatar));

        var cleared = Json(await alice.Client.DeleteAsync("/api/v1/profile/avatar"));
        Assert.That(cleared["avatar"]!.GetValue<string>(), Does.EndWith("/avatars/original/missing.png"));
        Assert.That((await DownloadAsync(avatar)).Response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "the old file is gone");
        Assert.That(cleared["header"]!.GetValue<string>(), Does.Contain("/system/accounts/headers/"));
    }

    [Test]
    public async Task An_animated_avatar_keeps_its_animation_and_gets_a_static_version()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var me = Json(await UpdateAsync(alice, "avatar", AnimatedGif(120, 120, 3), "me.gif"));

        Assert.That(me["avatar"]!.GetValue<string>(), Does.EndWith(".gif"));
        Assert.That(me["avatar_static"]!.GetValue<string>(), Does.EndWith(".png"));
        var (bytes, _) = await DownloadAsync(me["avatar"]!.GetValue<string>());
        using var image = Image.NewFromBuffer(bytes, "n=-1");
        Assert.That(image.Get("n-pages"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_text_file_as_avatar_is_refused_and_changes_nothing()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var response = await UpdateAsync(alice, "avatar", "<html>not an image</html>"u8.ToArray());

        Assert.That(response.Status, Is.EqualTo(422), response.ToString());
        var me = Json(await alice.Client.GetAsync("/api/v1/accounts/verify_credentials"));
        Assert.That(me["avatar"]!.GetValue<string>(), Does.EndWith("missing.png"));
        Assert.That(me["display_name"]!.GetValue<string>(), Is.Not.EqualTo("With a face"));
    }
}
