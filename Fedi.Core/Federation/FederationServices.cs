using Fedi.Core.Configuration;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Availability;
using Fedi.Core.Federation.Discovery;
using Fedi.Core.Federation.Documents;
using Fedi.Core.Federation.Fetching;
using Fedi.Core.Federation.Keys;
using Fedi.Core.Federation.Remote;
using Fedi.Core.Federation.Resolution;
using Fedi.Core.Federation.Inbound;
using Fedi.Core.Federation.Inbox;
using Fedi.Core.Federation.Outbound;
using Fedi.Core.Federation.Signatures;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Federation;

/// <summary>ActivityPub: documents, discovery, keys, signatures, the guarded client, inbound and outbound activities.</summary>
public static class FederationServices
{
    public static IServiceCollection AddFediFederation(this IServiceCollection services)
    {
        services.AddSingleton(sp => FederationOptions.From(sp.GetRequiredService<FediSettings>().Environment));
        services.AddSingleton<RemoteAddressPolicy>();
        services.AddSingleton<GuardedHttpClient>();
        services.AddSingleton<LocalUris>();
        services.AddSingleton<ActorDocument>();
        services.AddSingleton<NoteDocument>();
        services.AddSingleton<AnnounceDocument>();
        services.AddSingleton<AccountKeyStore>();
        services.AddSingleton<NoteSources>();
        services.AddSingleton<LocalActorService>();
        services.AddSingleton<CollectionService>();
        services.AddSingleton<StatusObjectService>();
        services.AddSingleton<WebFingerService>();
        services.AddSingleton<NodeInfoStore>();
        services.AddSingleton<RemoteAccountStore>();
        services.AddSingleton<SignedFetcher>();
        services.AddSingleton<ResolveActorService>();
        services.AddSingleton<RequestSignatureService>();
        services.AddSingleton<InboxService>();
        services.AddFediFederationAvailability();
        services.AddFediFederationInbox();
        services.AddFediFederationOutbound();
        services.AddFediFederationResolution();
        return services;
    }
}
