namespace Fedi.Architecture.Tests;

/// <summary>Which folder of a project refers to which, with the files that make each edge.</summary>
public sealed class FolderGraph
{
    private readonly Dictionary<string, Dictionary<string, List<string>>> _edges = [];

    public FolderGraph(IEnumerable<SourceFile> files)
    {
        foreach (var file in files)
        foreach (var target in file.ReferencedFolders())
        {
            var targets = _edges.TryGetValue(file.Folder, out var t) ? t : _edges[file.Folder] = [];
            (targets.TryGetValue(target, out var why) ? why : targets[target] = []).Add(file.RelativePath);
        }
    }

    /// <summary>
    /// Every dependency cycle, each as "A -> B (files) -> … -> A": the strongly connected components of more than
    /// one folder (Tarjan), then one shortest cycle through the first folder of each, so the message names the
    /// edges to cut.
    /// </summary>
    public IReadOnlyList<string> Cycles() =>
        StronglyConnected().Where(c => c.Count > 1).Select(Describe).ToList();

    private string Describe(IReadOnlyList<string> component)
    {
        var inside = component.ToHashSet();
        var start = component.Order(StringComparer.Ordinal).First();
        var path = ShortestPathBack(start, inside);
        var steps = path.Zip(path.Skip(1)).Select(e => $"{e.First} -> {e.Second} ({string.Join(", ", _edges[e.First][e.Second].Take(3))})");
        return $"[{string.Join(", ", component.Order(StringComparer.Ordinal))}]: {string.Join("; ", steps)}";
    }

    private List<string> ShortestPathBack(string start, HashSet<string> inside)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var at))
            foreach (var next in Targets(at).Where(inside.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start, at };
                    while (at != start) path.Add(at = cameFrom[at]);
                    path.Reverse();
                    return path;
                }
                if (cameFrom.TryAdd(next, at)) queue.Enqueue(next);
            }
        return [start];
    }

    private IEnumerable<string> Targets(string folder) =>
        _edges.TryGetValue(folder, out var targets) ? targets.Keys : [];

    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        foreach (var folder in _edges.Keys.ToList()) if (!index.ContainsKey(folder)) Visit(folder);
        return components;

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in Targets(v))
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string popped;
            do component.Add(popped = stack.Pop()); while (popped != v);
            components.Add(component);
        }
    }
}
