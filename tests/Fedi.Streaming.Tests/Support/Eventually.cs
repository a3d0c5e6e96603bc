namespace Fedi.Streaming.Tests.Support;

/// <summary>Waits for something the streaming tier does asynchronously.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not true within {within ?? TimeSpan.FromSeconds(10)}: {what}");
            await Task.Delay(25);
        }
    }
}
