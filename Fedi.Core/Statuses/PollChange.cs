using Fedi.Core.Polls;

namespace Fedi.Core.Statuses;

/// <summary>An edit that replaces the status's poll (a null poll removes it).</summary>
public sealed record PollChange(NewPoll? Poll);
