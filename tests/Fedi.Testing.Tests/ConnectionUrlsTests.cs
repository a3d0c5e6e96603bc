namespace Fedi.Testing.Tests;

public class ConnectionUrlsTests
{
    [Test]
    public void A_postgres_url_round_trips_through_Npgsql_settings()
    {
        var settings = ConnectionUrls.ParsePostgres("postgres://fedi:p%40ss@db.example:6543/fedi_production");

        Assert.That(
            (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database),
            Is.EqualTo(("db.example", 6543, "fedi", "p@ss", "fedi_production")));
        Assert.That(ConnectionUrls.ToPostgresUrl(settings), Is.EqualTo("postgres://fedi:p%40ss@db.example:6543/fedi_production"));
    }

    [Test]
    public void A_postgres_url_without_port_or_database_gets_the_defaults()
    {
        var settings = ConnectionUrls.ParsePostgres("postgresql://postgres@localhost");

        Assert.That((settings.Port, settings.Database, settings.Password), Is.EqualTo((5432, "postgres", (string?)null)));
    }

    [Test]
    public void A_redis_url_gives_endpoint_password_and_database()
    {
        var options = ConnectionUrls.ParseRedis("redis://:secret@127.0.0.1:6380/2");

        Assert.That(options.EndPoints.Single().ToString(), Is.EqualTo("127.0.0.1:6380"));
        Assert.That((options.Password, options.DefaultDatabase, options.User), Is.EqualTo(("secret", (int?)2, (string?)null)));
    }

    [Test]
    public void Other_schemes_are_refused()
    {
        Assert.Throws<FormatException>(() => ConnectionUrls.ParsePostgres("mysql://x@y/z"));
        Assert.Throws<FormatException>(() => ConnectionUrls.ParseRedis("http://x:1"));
    }
}
