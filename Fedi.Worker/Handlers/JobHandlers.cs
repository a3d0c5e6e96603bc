using Fedi.Worker.Engine;
using Fedi.Worker.Handlers.Diagnostics;
using Fedi.Worker.Handlers.Federation;
using Fedi.Worker.Handlers.Media;
using Fedi.Worker.Handlers.Notifications;
using Fedi.Worker.Handlers.Statuses;
using Fedi.Worker.Handlers.Timelines;

namespace Fedi.Worker.Handlers;

/// <summary>Every job class this worker runs, registered explicitly: the list reads like the feature list.</summary>
public static class JobHandlers
{
    public static IServiceCollection AddJobHandlers(this IServiceCollection services, WorkerOptions options)
    {
        // Timelines
        services.AddSingleton<IJobHandler, DistributionHandler>();
        services.AddSingleton<IJobHandler, FeedInsertBatchHandler>();
        services.AddSingleton<IJobHandler, RemovalHandler>();
        services.AddSingleton<IJobHandler, MergeHandler>();
        services.AddSingleton<IJobHandler, UnmergeHandler>();
        services.AddSingleton<IJobHandler, LocalNotificationHandler>();
        services.AddSingleton<IJobHandler, PollExpirationNotifyHandler>();
        services.AddSingleton<IJobHandler, PublishScheduledStatusHandler>();

        // Federation
        services.AddSingleton<IJobHandler, ProcessingHandler>();
        services.AddSingleton<IJobHandler, DeliveryHandler>();
        services.AddSingleton<IJobHandler, ActivityPubDistributionHandler>();
        services.AddSingleton<IJobHandler, RelationshipActivityHandler>();
        services.AddSingleton<IJobHandler, ActorUpdateDistributionHandler>();

        // Media
        services.AddSingleton<IJobHandler, MediaHandler>();

        if (options.DiagnosticJobs)
        {
            services.AddSingleton<IJobHandler, TestJobHandler>();
            services.AddSingleton<IJobHandler, BenchNoopHandler>();
            services.AddSingleton<IJobHandler, BenchFeedInsertHandler>();
        }
        return services;
    }
}
