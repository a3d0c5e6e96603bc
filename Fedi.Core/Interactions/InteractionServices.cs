using Fedi.Core.Feeds;
using Fedi.Core.Statuses;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Interactions;

/// <summary>Favourites, bookmarks, reblogs, pins, conversation mutes, edits and the status counters they keep.</summary>
public static class InteractionServices
{
    public static IServiceCollection AddFediInteractions(this IServiceCollection services)
    {
        services.AddSingleton<StatusStatsStore>();
        services.AddSingleton<ReblogStore>();
        services.AddSingleton<ReblogFeeds>();
        services.AddSingleton<FavouriteStore>();
        services.AddSingleton<BookmarkStore>();
        services.AddSingleton<ViewerStatusFlagsStore>();
        services.AddSingleton<VisibleStatuses>();
        services.AddSingleton<FavouriteService>();
        services.AddSingleton<BookmarkService>();
        services.AddSingleton<ReblogService>();
        services.AddSingleton<ListInteractionsService>();
        return services;
    }
}
