namespace Fedi.Worker.Tests.Support;

/// <summary>Waits for what the worker does asynchronously; fails with <paramref name="what"/> when it never happens.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {timeout ?? DefaultTimeout}: {what}");
            await Task.Delay(50);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, string what, TimeSpan? timeout = null) where T : class
    {
        T? value = null;
        await TrueAsync(async () => (value = await read()) is not null, what, timeout);
        return value!;
    }
}
