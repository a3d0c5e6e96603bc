namespace Fedi.Core.Federation.Remote;

/// <summary>What an actor document says about a remote account, as stored in <c>accounts</c>.</summary>
public sealed record RemoteActor(
    string Uri, string Username, string Domain, string DisplayName, string Note, string? Url, string Inbox, string SharedInbox,
    string Outbox, string Followers, string Following, string PublicKeyPem, bool Locked, bool Bot, string ActorType);

/// <summary>A known account's id and the key its signatures verify with.</summary>
public sealed record ActorKey(long AccountId, string Uri, string PublicKeyPem, string? Domain);
