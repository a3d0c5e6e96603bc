using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Data;
using Fedi.Core.Errors;
using Npgsql;

namespace Fedi.Web.Tests.Hardening;

/// <summary>Sign-up checks a value's format before asking the database whether it is taken.</summary>
public sealed class SignUpFormatTests
{
    [TestCase("a\0b", "valid@example.com", "username")]
    [TestCase("validname", "a\0b@example.com", "email")]
    public async Task A_value_of_the_wrong_format_is_a_validation_error_without_a_query(string username, string email, string field)
    {
        var env = new EnvironmentSettings(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = WebCluster.Cluster.Database.Url,
            ["LOCAL_DOMAIN"] = WebCluster.Cluster.Environment["LOCAL_DOMAIN"],
        });
        DapperSetup.Configure();
        await using var db = new NpgsqlDataSourceBuilder(DatabaseOptions.From(env, "sign-up-format-test", 1).ConnectionString).Build();
        var service = new CreateAccountService(db, new AccountStore(db), new AccountStatsStore(), new UserStore(db), InstanceOptions.From(env));

        var failure = Assert.ThrowsAsync<ValidationException>(() => service.CreateAsync(new NewAccount(username, email, "a long password")));

        Assert.That(failure!.Errors.Select(e => e.Field), Does.Contain(field));
    }
}
