using Dapper;
using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Data;
using Fedi.Core.OAuth;
using Fedi.Testing;
using Npgsql;

namespace Fedi.Streaming.Tests.Support;

/// <summary>A local user with a token, made straight in the instance's database.</summary>
public sealed record StreamingUser(long AccountId, long UserId, long TokenId, string Token);

/// <summary>Makes accounts and tokens through Fedi.Core against the cluster's database.</summary>
public sealed class TestAccounts(FediCluster cluster)
{
    public const string AllScopes = "read write follow push";

    private NpgsqlDataSource Db => DataSources.For(cluster.DatabaseConnectionString);

    public async Task<StreamingUser> CreateAsync(string scopes = AllScopes, string[]? chosenLanguages = null)
    {
        DapperSetup.Configure();
        var username = TestUsers.NewUsername();
        var instance = new InstanceOptions
        {
            LocalDomain = cluster.Environment["LOCAL_DOMAIN"],
            WebDomain = cluster.Environment["LOCAL_DOMAIN"],
            WebScheme = "http",
            StreamingApiBaseUrl = cluster.StreamingWebSocketUrl,
        };
        var (user, account, _) = await new CreateAccountService(Db, new AccountStore(Db), new AccountStatsStore(), new UserStore(Db), instance)
            .CreateAsync(new NewAccount(username, $"{username}@example.com", RandomNames.Unique("pw-"), Confirmed: true));
        if (chosenLanguages is not null)
            await ExecuteAsync("UPDATE users SET chosen_languages = @chosenLanguages WHERE id = @id", new { chosenLanguages, id = user.Id });
        var (tokenId, secret, _, _) = await new AccessTokenStore(Db).CreateAsync(null, user.Id, scopes);
        return new StreamingUser(account.Id, user.Id, tokenId, secret);
    }

    /// <summary>Another token of the same user.</summary>
    public async Task<(long Id, string Secret)> CreateTokenAsync(StreamingUser user, string scopes = AllScopes)
    {
        var (id, secret, _, _) = await new AccessTokenStore(Db).CreateAsync(null, user.UserId, scopes);
        return (id, secret);
    }

    /// <summary>A client_credentials-style token: an app's, with no user.</summary>
    public async Task<string> CreateAppTokenAsync() => (await new AccessTokenStore(Db).CreateAsync(null, null, "read")).Secret;

    public Task RevokeAsync(StreamingUser user) => new AccessTokenStore(Db).RevokeAsync(user.Token, null);

    public Task ExecuteAsync(string sql, object parameters) => ExecuteCoreAsync(sql, parameters);

    private async Task ExecuteCoreAsync(string sql, object parameters)
    {
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, parameters);
    }

    /// <summary>One pool per database for the whole run, as a process would have.</summary>
    private static class DataSources
    {
        private static readonly Dictionary<string, NpgsqlDataSource> Sources = [];

        public static NpgsqlDataSource For(string connectionString)
        {
            lock (Sources)
            {
                if (!Sources.TryGetValue(connectionString, out var source))
                    Sources[connectionString] = source = NpgsqlDataSource.Create(connectionString);
                return source;
            }
        }
    }
}
