using System.Globalization;
using System.Text.Json;
using Fedi.Core.Jobs;

namespace Fedi.Worker.Engine;

/// <summary>Reads job arguments as Sidekiq clients send them (ids as numbers, or as strings).</summary>
public static class JobArgs
{
    public static long Id(JsonElement args, int index)
    {
        if (index < args.GetArrayLength())
        {
            var value = args[index];
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number > 0) return number;
            if (value.ValueKind == JsonValueKind.String &&
                long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                return parsed;
        }
        throw new PermanentJobException($"argument {index} must be an id, got {args.GetRawText()}");
    }

    /// <summary>The argument when it is a whole number (zero and negatives included), else null.</summary>
    public static long? Number(JsonElement args, int index) =>
        index < args.GetArrayLength() && args[index] is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number)
            ? number
            : null;

    public static string String(JsonElement args, int index) =>
        index < args.GetArrayLength() && args[index] is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new PermanentJobException($"argument {index} must be a string, got {args.GetRawText()}");

    /// <summary>How many arguments the job has.</summary>
    public static int Count(JsonElement args) => args.GetArrayLength();
}
