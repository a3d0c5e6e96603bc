using Npgsql;

namespace Fedi.Testing.Tests;

public class TestPostgresTests
{
    [Test]
    public async Task An_own_server_starts_and_a_created_database_accepts_a_query()
    {
        await using var postgres = await TestPostgres.StartOwnAsync();
        var database = await postgres.CreateDatabaseAsync("harness");

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(database.Name));
        Assert.That(database.Name, Does.StartWith("harness_"));
        Assert.That(database.Url, Does.StartWith("postgres://postgres@127.0.0.1:").And.EndWith("/" + database.Name));
    }

    [Test]
    public async Task Databases_are_named_apart_and_can_be_dropped()
    {
        await using var postgres = await TestPostgres.StartAsync();
        var first = await postgres.CreateDatabaseAsync("Two Words!");
        var second = await postgres.CreateDatabaseAsync("Two Words!");

        Assert.That(first.Name, Is.Not.EqualTo(second.Name));
        Assert.That(first.Name, Does.Match("^twowords_[a-z0-9]{10}$"));
        await postgres.DropDatabaseAsync(first.Name);
        await postgres.DropDatabaseAsync(second.Name);
    }

    [Test]
    public async Task Disposing_an_own_server_stops_it_and_deletes_its_folder()
    {
        var postgres = await TestPostgres.StartOwnAsync();
        var database = await postgres.CreateDatabaseAsync();

        await postgres.DisposeAsync();

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.That(async () => await connection.OpenAsync(), Throws.InstanceOf<NpgsqlException>());
    }
}
