using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using static Fedi.Streaming.Tests.Filtering.StatusPayloads;

namespace Fedi.Streaming.Tests.Filtering;

/// <summary>
/// A viewer's hide filters of the public context keep matching statuses off public and hashtag streams, and a
/// change made through the API applies to the open connection (filters_changed reloads its cached filters).
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class KeywordFilterTests : StreamingTest
{
    private static ApiClient Api(StreamingUser user) => new(Cluster.WebUrl, user.Token);

    private static JsonObject Saying(string text, long authorId = Neutral)
    {
        var status = Status(NewId(), authorId);
        status["content"] = $"<p>{text}</p>";
        return status;
    }

    private static Task<bool> DeliveredAsync(WebSocketClient socket, string channel, JsonObject status) =>
        StatusPayloads.DeliveredAsync(Redis, socket, channel, status["id"]!.GetValue<string>(), Update(status), Deadline);

    private static async Task<string> CreateHideFilterAsync(StreamingUser viewer, string keyword) =>
        (await Api(viewer).PostJsonAsync("/api/v2/filters", new
        {
            title = keyword, context = new[] { "public" }, filter_action = "hide", keywords_attributes = new[] { new { keyword, whole_word = true } },
        })).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();

    [Test]
    public async Task A_hide_filter_keeps_matching_statuses_off_the_public_stream_until_it_is_deleted()
    {
        var viewer = await Accounts.CreateAsync();
        var filterId = await CreateHideFilterAsync(viewer, "spoiler");
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, viewer.Token, "public");
        await Redis.WaitForSubscribersAsync(RedisChannels.Public, 1);

        Assert.That(await DeliveredAsync(socket, RedisChannels.Public, Saying("Big SPOILER ahead")), Is.False);
        Assert.That(await DeliveredAsync(socket, RedisChannels.Public, Saying("spoilers are words of their own")), Is.True);
        Assert.That(await DeliveredAsync(socket, RedisChannels.Public, Saying("spoiler", viewer.AccountId)), Is.True, "own statuses are never filtered");

        (await Api(viewer).DeleteAsync($"/api/v2/filters/{filterId}")).EnsureSuccess();

        await Eventually.TrueAsync(() => DeliveredAsync(socket, RedisChannels.Public, Saying("another spoiler")), "the status streamed once the filter is gone");
    }

    [Test]
    public async Task A_filter_created_while_connected_applies_from_then_on()
    {
        var viewer = await Accounts.CreateAsync();
        var tag = RandomNames.Unique("tag");
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, viewer.Token, "hashtag",
            extraQuery: new Dictionary<string, string> { ["tag"] = tag });
        var channel = RedisChannels.Hashtag(tag);
        Assert.That(await DeliveredAsync(socket, channel, Saying("the election result")), Is.True);

        await CreateHideFilterAsync(viewer, "election");

        await Eventually.TrueAsync(async () => !await DeliveredAsync(socket, channel, Saying("the election result")), "the filtered status hidden");
        Assert.That(await DeliveredAsync(socket, channel, Saying("a cat")), Is.True, "others still stream");
    }
}
