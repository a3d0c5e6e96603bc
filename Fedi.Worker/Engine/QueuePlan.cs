using Fedi.Core.Configuration;
using Fedi.Core.Contracts;

namespace Fedi.Worker.Engine;

/// <summary>
/// Which queues this process listens to and in what order it tries them on each fetch, as Sidekiq:
/// weighted (each queue appears weight times, shuffled, de-duplicated — probabilistic priority) or
/// strict (always in the given order).
/// </summary>
public sealed class QueuePlan
{
    private readonly string[] _slots;

    private QueuePlan(IReadOnlyList<(string Queue, int Weight)> queues, bool strict)
    {
        Queues = queues;
        Strict = strict;
        _slots = queues.SelectMany(q => Enumerable.Repeat(q.Queue, strict ? 1 : q.Weight)).ToArray();
        Names = queues.Select(q => q.Queue).ToArray();
    }

    public IReadOnlyList<(string Queue, int Weight)> Queues { get; }
    public IReadOnlyList<string> Names { get; }
    public bool Strict { get; }

    public static QueuePlan Default => new(QueueNames.DefaultWeights, strict: false);

    /// <summary>
    /// WORKER_QUEUES: "default:8,push:6" (weighted; a queue without a weight counts 1) or "default,push"
    /// (strict order). Unset means Mastodon's queues and weights.
    /// </summary>
    public static QueuePlan Parse(string? value)
    {
        if (value is null) return Default;
        var entries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0) throw new SettingsException("WORKER_QUEUES", "names no queue");
        var weighted = entries.Any(e => e.Contains(':'));
        var queues = new List<(string, int)>();
        foreach (var entry in entries)
        {
            var parts = entry.Split(':', 2);
            var name = parts[0];
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == ':'))
                throw new SettingsException("WORKER_QUEUES", $"'{entry}' is not a queue name");
            var weight = 1;
            if (parts.Length == 2 && (!int.TryParse(parts[1], out weight) || weight is < 1 or > 100))
                throw new SettingsException("WORKER_QUEUES", $"weight of '{name}' must be a whole number 1..100");
            if (queues.Any(q => q.Item1 == name))
                throw new SettingsException("WORKER_QUEUES", $"'{name}' is listed twice");
            queues.Add((name, weight));
        }
        return new QueuePlan(queues, strict: !weighted);
    }

    /// <summary>The order to try the queues in for one fetch; every queue appears exactly once.</summary>
    public string[] NextOrder(Random random)
    {
        if (Strict) return (string[])_slots.Clone();
        var slots = (string[])_slots.Clone();
        random.Shuffle(slots);
        return slots.Distinct().ToArray();
    }

    public override string ToString() => Strict
        ? "strict " + string.Join(", ", Names)
        : "weighted " + string.Join(", ", Queues.Select(q => $"{q.Queue}:{q.Weight}"));
}
