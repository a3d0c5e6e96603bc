namespace Fedi.Core.Polls;

/// <summary>The poll a client asks to attach to a post or an edit (<c>poll[options][]</c>, <c>poll[expires_in]</c>, …).</summary>
public sealed record NewPoll(IReadOnlyList<string> Options, int? ExpiresInSeconds, bool Multiple, bool HideTotals);
