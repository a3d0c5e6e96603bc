using System.Globalization;
using System.Text.Json;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>Reads job arguments as Sidekiq clients send them (ids as numbers, or as strings), for the job
/// records' <c>FromArgs</c>. Anything malformed is a <see cref="PermanentJobException"/>.</summary>
public static class JobArgs
{
    public static long Id(JsonElement args, int index)
    {
        if (index < Count(args))
        {
            var value = args[index];
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number > 0) return number;
            if (value.ValueKind == JsonValueKind.String &&
                long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                return parsed;
        }
        throw new PermanentJobException($"argument {index} must be an id, got {args.GetRawText()}");
    }

    /// <summary>An id, or the number 0 (a keyset range that starts before the first id).</summary>
    public static long IdOrZero(JsonElement args, int index) => Number(args, index) == 0 ? 0 : Id(args, index);

    /// <summary>The argument when it is a whole number (zero and negatives included), else null.</summary>
    public static long? Number(JsonElement args, int index) =>
        index < Count(args) && args[index] is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number)
            ? number
            : null;

    public static string String(JsonElement args, int index) =>
        index < Count(args) && args[index] is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new PermanentJobException($"argument {index} must be a string, got {args.GetRawText()}");

    /// <summary>The argument when present, else null; a string when present.</summary>
    public static string? OptionalString(JsonElement args, int index) => index < Count(args) ? String(args, index) : null;

    /// <summary>How many arguments the job has; a job whose "args" is not an array has none that can be read.</summary>
    public static int Count(JsonElement args) =>
        args.ValueKind == JsonValueKind.Array ? args.GetArrayLength() : throw new PermanentJobException($"args must be an array, got {args.ValueKind}");
}
