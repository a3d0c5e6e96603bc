namespace Fedi.Core.Contracts;

/// <summary>Mastodon's queues, most important first, with their default fetch weights.</summary>
public static class QueueNames
{
    public const string Default = "default";
    public const string Push = "push";
    public const string Ingress = "ingress";
    public const string Mailers = "mailers";
    public const string Pull = "pull";
    public const string Scheduler = "scheduler";

    /// <summary>Media processing (video transcodes take seconds): its own weight, so uploads never wait behind fan-out
    /// and a burst of uploads cannot starve it.</summary>
    public const string Media = "media";

    public static readonly IReadOnlyList<(string Queue, int Weight)> DefaultWeights =
    [
        (Default, 8), (Push, 6), (Ingress, 4), (Media, 2), (Mailers, 2), (Pull, 1), (Scheduler, 1),
    ];
}
