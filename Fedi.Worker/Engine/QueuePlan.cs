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
    private readonly int[] _slotQueues;

    private QueuePlan(IReadOnlyList<(string Queue, int Weight)> queues, bool strict)
    {
        Queues = queues;
        Strict = strict;
        _slotQueues = queues.SelectMany((q, i) => Enumerable.Repeat(i + 1, strict ? 1 : q.Weight)).ToArray();
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

    /// <summary>
    /// Writes the order to try the queues in for one fetch into <paramref name="order"/> (one slot per queue,
    /// 1-based indices into <see cref="Names"/>); every queue appears exactly once. <paramref name="scratch"/>
    /// holds <see cref="SlotCount"/> entries and is overwritten.
    /// </summary>
    public void NextOrder(Random random, Span<int> order, Span<int> scratch)
    {
        if (Strict || Names.Count == 1)
        {
            for (var i = 0; i < order.Length; i++) order[i] = i + 1;
            return;
        }
        _slotQueues.CopyTo(scratch);
        random.Shuffle(scratch);
        var n = 0;
        foreach (var queue in scratch)
            if (!order[..n].Contains(queue)) order[n++] = queue;
    }

    /// <summary>Slots of the weighted shuffle: each queue weight times.</summary>
    public int SlotCount => _slotQueues.Length;

    public override string ToString() => Strict
        ? "strict " + string.Join(", ", Names)
        : "weighted " + string.Join(", ", Queues.Select(q => $"{q.Queue}:{q.Weight}"));
}
