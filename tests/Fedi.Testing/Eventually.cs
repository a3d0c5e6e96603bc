using NUnit.Framework;

namespace Fedi.Testing;

/// <summary>
/// Waits for what the processes under test do asynchronously, polling every 25 ms; fails the test naming
/// <c>what</c> when it has not happened by the deadline. The deadline only bounds a failure, so it is
/// generous (30 s by default): a loaded CI machine must not turn a slow success into a failure.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition may take when the caller gives no deadline.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test after <paramref name="within"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultDeadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not true within {within ?? DefaultDeadline}: {what}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>The first non-null value <paramref name="read"/> returns.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, string what, TimeSpan? within = null) where T : class
    {
        T? value = null;
        await TrueAsync(async () => (value = await read()) is not null, what, within);
        return value!;
    }
}
