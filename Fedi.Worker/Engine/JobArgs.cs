using System.Globalization;
using System.Text.Json.Nodes;
using Fedi.Core.Jobs;

namespace Fedi.Worker.Engine;

/// <summary>Reads job arguments as Sidekiq clients send them (ids as numbers, or as strings).</summary>
public static class JobArgs
{
    public static long Id(JsonArray args, int index)
    {
        if (index < args.Count && args[index] is JsonValue value)
        {
            if (value.TryGetValue<long>(out var number) && number > 0) return number;
            if (value.TryGetValue<string>(out var text) &&
                long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                return parsed;
        }
        throw new PermanentJobException($"argument {index} must be an id, got {args.ToJsonString()}");
    }

    public static string String(JsonArray args, int index) =>
        index < args.Count && args[index] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new PermanentJobException($"argument {index} must be a string, got {args.ToJsonString()}");
}
