using Fedi.Testing;
using NetVips;
using static Fedi.Web.Tests.Media.MediaFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Media;

public sealed class MediaUploadTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_png_is_processed_in_the_request_and_served_with_its_type_meta_and_blurhash()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var response = await UploadAsync(alice, Png(800, 600), description: "an orange square", focus: "0.5,-0.25");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        var media = response.RequireJson();
        Assert.That(media["type"]!.GetValue<string>(), Is.EqualTo("image"));
        Assert.That(media["description"]!.GetValue<string>(), Is.EqualTo("an orange square"));
        Assert.That(media["blurhash"]!.GetValue<string>(), Has.Length.EqualTo(28), "4x3 components: 6 + 2 per AC component");
        Assert.That(media["meta"]!["original"]!["size"]!.GetValue<string>(), Is.EqualTo("800x600"));
        Assert.That(media["meta"]!["original"]!["aspect"]!.GetValue<double>(), Is.EqualTo(800.0 / 600).Within(0.001));
        Assert.That(media["meta"]!["small"]!["width"]!.GetValue<int>(), Is.EqualTo(640));
        Assert.That(media["meta"]!["focus"]!["x"]!.GetValue<double>(), Is.EqualTo(0.5));

        var (body, served) = await DownloadAsync(media["url"]!.GetValue<string>());
        Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(served.Headers.CacheControl?.ToString(), Does.Contain("immutable"));
        using var image = Image.NewFromBuffer(body);
        Assert.That((image.Width, image.Height), Is.EqualTo((800, 600)));
        var (preview, _) = await DownloadAsync(media["preview_url"]!.GetValue<string>());
        using var small = Image.NewFromBuffer(preview);
        Assert.That((small.Width, small.Height), Is.EqualTo((640, 480)));
    }

    [Test]
    public async Task The_instance_advertises_the_types_and_limits_uploads_are_held_to()
    {
        var media = Json(await Cluster.Api.GetAsync("/api/v2/instance"))["configuration"]!["media_attachments"]!;

        Assert.That(media["supported_mime_types"]!.AsArray().Select(t => t!.GetValue<string>()),
            Is.SupersetOf(new[] { "image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "audio/mpeg" }));
        Assert.That(media["image_size_limit"]!.GetValue<long>(), Is.EqualTo(16L * 1024 * 1024));
        Assert.That(media["image_matrix_limit"]!.GetValue<long>(), Is.EqualTo(33_177_600));
    }

    [Test]
    public async Task A_jpeg_is_turned_upright_and_stored_without_its_exif()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var media = (await UploadAsync(alice, JpegWithExif(300, 200), "photo.jpg", "image/jpeg", version: 1)).EnsureSuccess().RequireJson();

        Assert.That(media["meta"]!["original"]!["size"]!.GetValue<string>(), Is.EqualTo("200x300"), "orientation 6 applied");
        var (body, served) = await DownloadAsync(media["url"]!.GetValue<string>());
        Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
        using var image = Image.NewFromBuffer(body);
        Assert.That(image.GetFields(), Has.None.StartsWith("exif"));
        Assert.That(image.GetFields(), Has.No.Member("orientation"));
    }

    [Test]
    public async Task An_image_above_the_matrix_limit_is_downscaled()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var media = (await UploadAsync(alice, Png(4000, 2500))).EnsureSuccess().RequireJson();

        var width = media["meta"]!["original"]!["width"]!.GetValue<int>();
        var height = media["meta"]!["original"]!["height"]!.GetValue<int>();
        Assert.That((long)width * height, Is.LessThanOrEqualTo(8_294_400));
        Assert.That(width, Is.GreaterThan(3600), "no smaller than it must be");
    }

    [Test]
    public async Task Only_the_owner_sees_describes_or_deletes_an_upload()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var id = (await UploadAsync(alice, Png(40, 40))).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();

        Assert.That((await bob.Client.GetAsync($"/api/v1/media/{id}")).Status, Is.EqualTo(404));
        Assert.That((await bob.Client.PutAsync($"/api/v1/media/{id}", new { description = "mine now" })).Status, Is.EqualTo(404));
        Assert.That((await bob.Client.DeleteAsync($"/api/v1/media/{id}")).Status, Is.EqualTo(404));

        var described = (await alice.Client.PutAsync($"/api/v1/media/{id}", new { description = "a dot", focus = "-1,1" })).EnsureSuccess().RequireJson();
        Assert.That(described["description"]!.GetValue<string>(), Is.EqualTo("a dot"));
        Assert.That(described["meta"]!["focus"]!["y"]!.GetValue<double>(), Is.EqualTo(1));
        Assert.That((await alice.Client.DeleteAsync($"/api/v1/media/{id}")).Status, Is.EqualTo(200));
        Assert.That((await alice.Client.GetAsync($"/api/v1/media/{id}")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task An_animated_gif_becomes_a_gifv_mp4_in_the_worker()
    {
        Assume.That(File.Exists("/usr/bin/ffmpeg"), "ffmpeg is not installed");
        var alice = await Cluster.Users.SignUpAsync();

        var accepted = await UploadAsync(alice, AnimatedGif(64, 48, 4), "anim.gif", "image/gif");

        Assert.That(accepted.Status, Is.EqualTo(202), accepted.ToString());
        Assert.That(accepted.RequireJson()["url"], Is.Null);
        var media = await UploadProcessedAsync(alice, AnimatedGif(64, 48, 4), "anim.gif", "image/gif");
        Assert.That(media["type"]!.GetValue<string>(), Is.EqualTo("gifv"));
        Assert.That(media["url"]!.GetValue<string>(), Does.EndWith(".mp4"));
        Assert.That(media["meta"]!["original"]!["width"]!.GetValue<int>(), Is.EqualTo(64));
        var (_, served) = await DownloadAsync(media["url"]!.GetValue<string>());
        Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp4"));
    }

    [Test]
    public async Task A_video_is_transcoded_to_h264_mp4_with_a_preview_duration_and_frame_rate()
    {
        Assume.That(File.Exists("/usr/bin/ffmpeg"), "ffmpeg is not installed");
        var alice = await Cluster.Users.SignUpAsync();
        var webm = await FfmpegFileAsync("webm", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25",
            "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libvpx", "-c:a", "libvorbis", "-shortest");

        var media = await UploadProcessedAsync(alice, webm, "clip.webm", "video/webm");

        Assert.That(media["type"]!.GetValue<string>(), Is.EqualTo("video"));
        Assert.That(media["url"]!.GetValue<string>(), Does.EndWith(".mp4"));
        Assert.That(media["preview_url"]!.GetValue<string>(), Does.EndWith(".jpg"));
        Assert.That(media["meta"]!["duration"]!.GetValue<double>(), Is.EqualTo(2).Within(0.2));
        Assert.That(media["meta"]!["fps"]!.GetValue<int>(), Is.EqualTo(25));
        Assert.That(media["meta"]!["original"]!["width"]!.GetValue<int>(), Is.EqualTo(320));
        Assert.That(media["blurhash"]!.GetValue<string>(), Is.Not.Empty);
        var (_, served) = await DownloadAsync(media["url"]!.GetValue<string>());
        Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp4"));
    }

    [Test]
    public async Task Audio_is_converted_to_mp3()
    {
        Assume.That(File.Exists("/usr/bin/ffmpeg"), "ffmpeg is not installed");
        var alice = await Cluster.Users.SignUpAsync();
        var wav = await FfmpegFileAsync("wav", "-f", "lavfi", "-i", "sine=duration=1");

        var media = await UploadProcessedAsync(alice, wav, "tone.wav", "audio/wav");

        Assert.That(media["type"]!.GetValue<string>(), Is.EqualTo("audio"));
        Assert.That(media["url"]!.GetValue<string>(), Does.EndWith(".mp3"));
        Assert.That(media["meta"]!["duration"]!.GetValue<double>(), Is.EqualTo(1).Within(0.2));
    }

    [Test]
    public async Task A_video_that_cannot_be_decoded_is_marked_failed()
    {
        var alice = await Cluster.Users.SignUpAsync();
        byte[] broken = [0, 0, 0, 0x18, .. "ftypisom"u8.ToArray(), 0, 0, 2, 0, .. "not a movie at all"u8.ToArray()];

        var accepted = (await UploadAsync(alice, broken, "clip.mp4", "video/mp4")).EnsureStatus(System.Net.HttpStatusCode.Accepted).RequireJson();

        var id = accepted["id"]!.GetValue<string>();
        var shown = await Eventually.ValueAsync(async () =>
            await alice.Client.GetAsync($"/api/v1/media/{id}") is { Status: not 206 } settled ? settled : null, "the worker settles the upload");
        Assert.That(shown.Status, Is.EqualTo(422), shown.ToString());
        Assert.That(Error(shown), Does.Contain("could not be processed"));
    }
}
