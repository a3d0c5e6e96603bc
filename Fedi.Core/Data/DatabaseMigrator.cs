using System.Reflection;
using DbUp;
using DbUp.Engine;
using Fedi.Core.Configuration;

namespace Fedi.Core.Data;

/// <summary>Versioned SQL migrations (embedded Data/Migrations/*.sql), applied in name order, once each.</summary>
public sealed class DatabaseMigrator(DatabaseOptions options)
{
    private UpgradeEngine Engine() =>
        DeployChanges.To
            .PostgresqlDatabase(options.ConnectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Data.Migrations."))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_migrations_journal")
            .LogToNowhere()
            .Build();

    /// <summary>Names of the migrations not yet applied.</summary>
    public IReadOnlyList<string> Pending() => Engine().GetScriptsToExecute().Select(s => ScriptName(s.Name)).ToList();

    /// <summary>Applies every pending migration; returns their names. Throws on the first failure.</summary>
    public IReadOnlyList<string> Migrate()
    {
        var result = Engine().PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        return result.Scripts.Select(s => ScriptName(s.Name)).ToList();
    }

    private static string ScriptName(string resourceName)
    {
        var marker = ".Data.Migrations.";
        var index = resourceName.IndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? resourceName : resourceName[(index + marker.Length)..];
    }
}
