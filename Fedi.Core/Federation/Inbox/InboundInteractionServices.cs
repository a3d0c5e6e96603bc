using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Federation.Inbox;

/// <summary>The activity handlers beyond follows and posts: Like, Announce, Block (each undoable), Update, Flag, Move, and actor deletion.</summary>
public static class InboundInteractionServices
{
    public static IServiceCollection AddFediInboundInteractions(this IServiceCollection services)
    {
        services.AddSingleton<ActivityObjectStore>();
        services.AddSingleton<LocalActors>();
        services.AddSingleton<RemoteAccountDeletionStore>();
        services.AddSingleton<DeleteRemoteAccountService>();
        services.AddUndoable<LikeActivityHandler>();
        services.AddUndoable<AnnounceActivityHandler>();
        services.AddUndoable<BlockActivityHandler>();
        services.AddSingleton<IActivityHandler, UpdateActivityHandler>();
        services.AddSingleton<IActivityHandler, FlagActivityHandler>();
        services.AddSingleton<AccountMoveStore>();
        services.AddSingleton<IActivityHandler, MoveActivityHandler>();
        return services;
    }

    /// <summary>One instance, reachable by the dispatcher (its type) and by the Undo handler (its undo).</summary>
    private static void AddUndoable<T>(this IServiceCollection services) where T : class, IUndoableActivityHandler
    {
        services.AddSingleton<T>();
        services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<T>());
        services.AddSingleton<IUndoableActivityHandler>(sp => sp.GetRequiredService<T>());
    }
}
