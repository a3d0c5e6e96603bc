using Fedi.Core.Polls;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Statuses;

/// <summary><c>poll[options][]</c>, <c>poll[expires_in]</c>, <c>poll[multiple]</c>, <c>poll[hide_totals]</c> of a post
/// or an edit, form or JSON alike; null when no options are sent.</summary>
public static class PollParameters
{
    public static NewPoll? Read(RequestParameters p)
    {
        if (!p.Has("poll[options]")) return null;
        return new NewPoll(
            p.Strings("poll[options]"),
            p.Int("poll[expires_in]"),
            p.Bool("poll[multiple]") ?? false,
            p.Bool("poll[hide_totals]") ?? false);
    }
}
