namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Conversation entity.</summary>
public sealed record ApiConversation(string Id, bool Unread, IReadOnlyList<ApiAccount> Accounts, ApiStatus? LastStatus);
