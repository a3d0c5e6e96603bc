using Fedi.Core.Accounts;
using Fedi.Core.Announcements;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Conversations;
using Fedi.Core.Federation;
using Fedi.Core.Filters;
using Fedi.Core.Feeds;
using Fedi.Core.Follows;
using Fedi.Core.Lists;
using Fedi.Core.Media;
using Fedi.Core.Notifications;
using Fedi.Core.OAuth;
using Fedi.Core.Polls;
using Fedi.Core.Relationships;
using Fedi.Core.ScheduledStatuses;
using Fedi.Core.Statuses;
using Fedi.Core.Streams;
using Fedi.Core.Tags;
using Fedi.Core.Timelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fedi.Core.Hosting;

/// <summary>Stores, services and renderers of the shared domain, registered explicitly.</summary>
public static class DomainServices
{
    public static IServiceCollection AddFediDomain(this IServiceCollection services)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<AnnouncementStore>();
        services.AddSingleton<ReactToAnnouncementService>();
        services.AddSingleton<AnnouncementRenderer>();
        services.AddSingleton<AccountStatsStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<CreateAccountService>();
        services.AddSingleton<UserActivityService>();
        services.AddSingleton<AccessTokenStore>();
        services.AddSingleton<AccountRenderer>();
        services.AddSingleton<ApplicationStore>();
        services.AddSingleton<CreateApplicationService>();
        services.AddSingleton<AccessGrantStore>();
        services.AddSingleton<PreAuthorizeService>();
        services.AddSingleton<AuthorizeService>();
        services.AddSingleton<IssueTokenService>();
        services.AddSingleton<RevokeTokenService>();
        services.AddSingleton<AppSignUpService>();
        services.AddSingleton<FollowStore>();
        services.AddSingleton<FollowService>();
        services.AddSingleton<UnfollowService>();
        services.AddSingleton<ListFollowsService>();
        services.AddSingleton<RelationshipRenderer>();
        services.AddSingleton<EndorsementStore>();
        services.AddSingleton<EndorseAccountService>();
        services.AddSingleton<FeaturedTagStore>();
        services.AddSingleton<FeatureTagService>();
        services.AddSingleton<StatusStore>();
        services.AddSingleton<StatusRenderer>();
        services.AddSingleton<PollRenderer>();
        services.AddSingleton<MediaAttachmentRenderer>();
        services.AddSingleton<StatusPolicy>();
        services.AddSingleton<StatusFilterStore>();
        services.AddSingleton<StatusIdempotency>();
        services.AddSingleton<MentionResolver>();
        services.AddSingleton<PostStatusService>();
        services.TryAddSingleton<IRemoteMentionResolver, StoredRemoteMentions>();
        services.AddSingleton<DeleteStatusService>();
        services.AddSingleton<FeedManager>();
        services.AddSingleton<TimelineStore>();
        services.AddSingleton<PrecomputeFeedService>();
        services.AddSingleton<HomeTimelineService>();
        services.AddSingleton<FollowerStore>();
        services.AddSingleton<StreamPublisher>();
        services.AddSingleton<FeedMergeStore>();
        services.AddSingleton<FanOutOnWriteService>();
        services.AddSingleton<RemoveStatusService>();
        services.AddSingleton<MergeService>();
        services.AddSingleton<UnmergeService>();
        services.AddSingleton<BlockStore>();
        services.AddSingleton<MuteStore>();
        services.AddSingleton<AccountDomainBlockStore>();
        services.AddSingleton<ViewerRelationsStore>();
        services.AddSingleton<ClearFromHomeService>();
        services.AddSingleton<BlockService>();
        services.AddSingleton<UnblockService>();
        services.AddSingleton<MuteService>();
        services.AddSingleton<UnmuteService>();
        services.AddSingleton<BlockDomainService>();
        services.AddSingleton<UnblockDomainService>();
        services.AddSingleton<ListRelationsService>();
        services.AddFediChannels();
        services.AddFediDiscovery();
        services.AddFediInteractions();
        services.AddFediNotifications();
        services.AddFediPolls();
        services.AddFediScheduledStatuses();
        services.AddFediFilters();
        services.AddFediFederation();
        services.AddFediMedia();
        return services;
    }

    /// <summary>Hashtags, lists and direct conversations: their stores, timelines and fan-out.</summary>
    private static IServiceCollection AddFediChannels(this IServiceCollection services)
    {
        services.AddSingleton<TagStore>();
        services.AddSingleton<TagTimelineStore>();
        services.AddSingleton<TagTimelineService>();
        services.AddSingleton<TagChannels>();
        services.AddSingleton<ListStore>();
        services.AddSingleton<ListAccountStore>();
        services.AddSingleton<ListFeedStore>();
        services.AddSingleton<ListFeeds>();
        services.AddSingleton<ListService>();
        services.AddSingleton<ListTimelineService>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ListConversationsService>();
        services.AddSingleton<ConversationRenderer>();
        services.AddSingleton<DirectConversations>();
        services.AddSingleton<ChannelFanOut>();
        return services;
    }
}
