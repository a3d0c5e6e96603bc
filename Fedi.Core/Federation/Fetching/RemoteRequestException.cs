namespace Fedi.Core.Federation.Fetching;

/// <summary>
/// A remote request that was refused before it was sent (forbidden address or scheme, too many redirects) or whose
/// answer was unusable (too large). <see cref="Permanent"/>: retrying cannot help (the destination is forbidden).
/// </summary>
public sealed class RemoteRequestException(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}
