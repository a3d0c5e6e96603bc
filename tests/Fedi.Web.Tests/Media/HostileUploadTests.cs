using Fedi.Testing;
using static Fedi.Web.Tests.Media.MediaFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Media;

/// <summary>Files that are not what they claim, or too much of it: each a 422, and nothing left in storage.
/// On an instance of their own, so its storage holds only what these uploads left.</summary>
[NonParallelizable]
public sealed class HostileUploadTests
{
    private FediCluster _cluster = null!;
    private TestUser _alice = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await WebCluster.StartWebOnlyAsync([]);
        _alice = await _cluster.Users.SignUpAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    private static IEnumerable<TestCaseData> Files()
    {
        var png = Png(300, 300);
        yield return new TestCaseData(Array.Empty<byte>(), "empty.png", "can't be blank").SetName("A zero-byte file is refused");
        yield return new TestCaseData("just some text, honestly"u8.ToArray(), "photo.png", "content type is invalid").SetName("Text named .png is refused");
        yield return new TestCaseData(png[..(png.Length / 2)], "half.png", "could not be processed").SetName("A truncated png is refused");
        yield return new TestCaseData(DeclaredHugePng(50_000, 50_000), "bomb.png", "exceed").SetName("A png declaring 50000x50000 is refused before decoding");
        byte[] oversized = [.. png[..16], .. new byte[17 * 1024 * 1024]];
        yield return new TestCaseData(oversized, "big.png", "less than 16 MB").SetName("An image over 16 MiB is refused");
    }

    [TestCaseSource(nameof(Files))]
    public async Task Hostile_upload_is_refused_with_422_and_stores_nothing(byte[] file, string name, string error)
    {
        foreach (var version in new[] { 1, 2 })
        {
            var response = await UploadAsync(_alice, file, name, version: version);

            Assert.That(response.Status, Is.EqualTo(422), response.ToString());
            Assert.That(Error(response), Does.StartWith("Validation failed").And.Contain(error));
        }
        Assert.That(StoredFiles(_cluster), Is.Empty);
    }

    [Test]
    public async Task An_upload_without_a_file_is_refused()
    {
        var response = await _alice.Client.PostFormAsync("/api/v2/media", [new("description", "nothing")]);

        Assert.That(response.Status, Is.EqualTo(422), response.ToString());
    }
}
