using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Processing of inbound activities (one handler per type) (their answers are delivered by Outbound).</summary>
public static class InboxServices
{
    public static IServiceCollection AddFediFederationInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboxStore>();
        services.AddSingleton<RemoteStatusStore>();
        services.AddSingleton<RemoteHtml>();
        services.AddSingleton<RemoteNoteParser>();
        services.AddSingleton<AcceptFollowService>();
        services.AddSingleton<StoreRemoteStatusService>();
        services.AddSingleton<DeletedObjects>();
        services.AddSingleton<IActivityHandler, FollowActivityHandler>();
        services.AddSingleton<IActivityHandler, UndoActivityHandler>();
        services.AddSingleton<IActivityHandler, CreateActivityHandler>();
        services.AddSingleton<IActivityHandler, DeleteActivityHandler>();
        services.AddSingleton<AnsweredFollow>();
        services.AddSingleton<IActivityHandler, AcceptActivityHandler>();
        services.AddSingleton<IActivityHandler, RejectActivityHandler>();
        services.AddFediInboundInteractions();
        services.AddSingleton<ActivityDispatcher>();
        return services;
    }
}
