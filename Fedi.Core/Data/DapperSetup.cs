namespace Fedi.Core.Data;

public static class DapperSetup
{
    private static int _configured;

    /// <summary>Maps snake_case columns onto PascalCase record members, once per process.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }
}
