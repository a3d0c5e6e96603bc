using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Feeds;
using Fedi.Core.Interactions;
using Fedi.Core.Statuses;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Hosting;

/// <summary>Favourites, bookmarks, reblogs, pins, conversation mutes, edits, the status counters they keep, and threads.</summary>
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
        services.AddSingleton<PinStore>();
        services.AddSingleton<PinService>();
        services.AddSingleton<ConversationMuteStore>();
        services.AddSingleton<ConversationMuteService>();
        services.AddSingleton<StatusContextStore>();
        services.AddSingleton<StatusContextService>();
        services.AddSingleton<StatusEditStore>();
        services.AddSingleton<UpdateStatusService>();
        services.AddSingleton<StatusEditRenderer>();
        return services;
    }
}
