using System.Globalization;
using Fedi.Testing;
using StackExchange.Redis;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Relationships;

/// <summary>Every REST path a status can be read on.</summary>
public enum ReadPath { Show, Profile, Public, Tag, List, Home, Conversations }

/// <summary>What stands between the viewer and the author.</summary>
public enum Relation { ViewerBlocks, AuthorBlocksViewer, ViewerMutes, ExpiredMute, ViewerBlocksDomain }

/// <summary>
/// A viewer and an author (local through the API; remote, written as federation would, when the relation is a
/// domain block) set up so that one status of the author's reaches the viewer on one <see cref="ReadPath"/>.
/// </summary>
public sealed class ReadPathScene
{
    private static readonly Lazy<Task<ConnectionMultiplexer>> Redis = new(() =>
        ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(Cluster.Environment["REDIS_URL"])));

    private static FediCluster Cluster => WebCluster.Cluster;

    private readonly string _tag = RandomNames.Unique("t");
    private TestUser? _localAuthor;
    private string? _domain;
    private string? _listId;

    public required TestUser Viewer { get; init; }
    public string AuthorId { get; private set; } = "";

    public static async Task<ReadPathScene> StartAsync(bool remoteAuthor)
    {
        var scene = new ReadPathScene { Viewer = await Cluster.Users.SignUpAsync() };
        if (remoteAuthor)
        {
            scene._domain = $"{TestUsers.NewUsername()}.example";
            scene.AuthorId = (await Rows.ScalarAsync<long>(
                "INSERT INTO accounts (username, domain) VALUES ('author', @domain) RETURNING id", new { domain = scene._domain })).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            scene._localAuthor = await Cluster.Users.SignUpAsync();
            scene.AuthorId = scene._localAuthor.AccountId;
        }
        return scene;
    }

    /// <summary>Follows or lists the author as <paramref name="path"/> needs, then has the author post a status it carries.</summary>
    public async Task<string> PostAsync(ReadPath path)
    {
        if (path is ReadPath.Home or ReadPath.List) await FollowAuthorAsync();
        if (path == ReadPath.List)
        {
            _listId = (await Viewer.Client.PostFormAsync("/api/v1/lists", [new("title", "watched")])).EnsureSuccess().RequireJson().Text("id");
            Json(await Viewer.Client.PostFormAsync($"/api/v1/lists/{_listId}/accounts", [new("account_ids[]", AuthorId)]));
        }
        var direct = path == ReadPath.Conversations;
        var text = direct ? $"@{Viewer.Username} between us #{_tag}" : $"hello #{_tag}";
        return _localAuthor is not null
            ? await Statuses.StatusFixtures.PostAsync(_localAuthor, text, direct ? "direct" : "public")
            : await InsertRemoteStatusAsync(text, direct);
    }

    /// <summary>Whether the viewer's client finds the status on <paramref name="path"/>.</summary>
    public async Task<bool> ViewerSeesAsync(ReadPath path, string statusId)
    {
        if (path == ReadPath.Show)
        {
            var shown = await Viewer.Client.GetAsync($"/api/v1/statuses/{statusId}");
            if (shown.Status is not (200 or 404)) Assert.Fail(shown.ToString());
            return shown.Status == 200;
        }
        if (path == ReadPath.Conversations)
            return Json(await Viewer.Client.GetAsync("/api/v1/conversations")).AsArray().Any(c => c?["last_status"]?["id"]?.GetValue<string>() == statusId);
        var below = long.Parse(statusId, CultureInfo.InvariantCulture) - 1;
        var url = path switch
        {
            ReadPath.Profile => $"/api/v1/accounts/{AuthorId}/statuses",
            // The oldest status after the one before ours: ours, unless it is hidden (the public timeline is busy).
            ReadPath.Public => $"/api/v1/timelines/public?min_id={below}&limit=1",
            ReadPath.Tag => $"/api/v1/timelines/tag/{_tag}",
            ReadPath.List => $"/api/v1/timelines/list/{_listId}",
            _ => "/api/v1/timelines/home?limit=40",
        };
        return Ids(await Viewer.Client.GetAsync(url)).Contains(statusId);
    }

    public async Task ApplyAsync(Relation relation)
    {
        var response = relation switch
        {
            Relation.ViewerBlocks => await Viewer.Client.PostFormAsync($"/api/v1/accounts/{AuthorId}/block", []),
            Relation.ViewerMutes => await Viewer.Client.PostFormAsync($"/api/v1/accounts/{AuthorId}/mute", []),
            Relation.AuthorBlocksViewer => await _localAuthor!.Client.PostFormAsync($"/api/v1/accounts/{Viewer.AccountId}/block", []),
            Relation.ViewerBlocksDomain => await Viewer.Client.PostFormAsync("/api/v1/domain_blocks", [new("domain", _domain!)]),
            _ => null,
        };
        response?.EnsureSuccess();
        // A mute whose time is up but whose row is still there (nothing has swept it yet).
        if (relation == Relation.ExpiredMute)
            await Rows.ExecuteAsync(
                "INSERT INTO mutes (account_id, target_account_id, expires_at) VALUES (@viewer, @author, now() - interval '1 minute')",
                new { viewer = long.Parse(Viewer.AccountId, CultureInfo.InvariantCulture), author = long.Parse(AuthorId, CultureInfo.InvariantCulture) });
    }

    private async Task FollowAuthorAsync()
    {
        if (_localAuthor is not null)
        {
            await FollowAsync(Viewer, _localAuthor);
            return;
        }
        await Rows.ExecuteAsync("INSERT INTO follows (account_id, target_account_id) VALUES (@viewer::bigint, @author::bigint)",
            new { viewer = Viewer.AccountId, author = AuthorId });
    }

    /// <summary>A status as the inbox would store it: its tag, the mention and the viewer's conversation; the home feed is
    /// dropped so that the next read rebuilds it from the database with the new status.</summary>
    private async Task<string> InsertRemoteStatusAsync(string text, bool direct)
    {
        var parameters = new { author = AuthorId, viewer = Viewer.AccountId, text, visibility = direct ? 3 : 0, tag = _tag };
        var id = await Rows.ScalarAsync<long>("""
            WITH s AS (INSERT INTO statuses (account_id, text, visibility, local) VALUES (@author::bigint, @text, @visibility, false) RETURNING id),
                 t AS (INSERT INTO tags (name) VALUES (@tag) RETURNING id),
                 st AS (INSERT INTO statuses_tags (status_id, tag_id) SELECT s.id, t.id FROM s, t),
                 m AS (INSERT INTO mentions (status_id, account_id) SELECT s.id, @viewer::bigint FROM s WHERE @visibility = 3),
                 c AS (INSERT INTO account_conversations (account_id, participant_account_ids, status_ids, last_status_id, unread)
                       SELECT @viewer::bigint, ARRAY[@author::bigint], ARRAY[s.id], s.id, true FROM s WHERE @visibility = 3)
            SELECT id FROM s
            """, parameters);
        await DropHomeFeedAsync(Viewer.AccountId);
        return id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The next home read rebuilds the feed from the database (and so sees rows written there directly).</summary>
    public static async Task DropHomeFeedAsync(string accountId)
    {
        var redis = await Redis.Value;
        await redis.GetDatabase().KeyDeleteAsync($"{Cluster.RedisNamespace}:feed:home:{accountId}");
    }
}
