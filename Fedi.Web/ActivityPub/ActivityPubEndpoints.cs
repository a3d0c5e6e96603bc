namespace Fedi.Web.ActivityPub;

/// <summary>Every federation route: discovery, actors and their collections, objects, inboxes.</summary>
public static class ActivityPubEndpoints
{
    public static void MapActivityPubEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapWebFingerEndpoints();
        routes.MapNodeInfoEndpoints();
        routes.MapActorEndpoints();
        routes.MapStatusObjectEndpoints();
        routes.MapInboxEndpoints();
    }
}
