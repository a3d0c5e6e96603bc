namespace Fedi.Core.Markers;

/// <summary>A row of <c>markers</c>: the last item read in one of the account's timelines (home, notifications).</summary>
public sealed record Marker(string Timeline, long LastReadId, int LockVersion, DateTime UpdatedAt)
{
    public static readonly IReadOnlySet<string> Timelines = new HashSet<string> { "home", "notifications" };
}
