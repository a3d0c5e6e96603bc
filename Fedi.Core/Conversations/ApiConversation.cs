using Fedi.Core.ClientApi;

namespace Fedi.Core.Conversations;

/// <summary>Mastodon's Conversation entity.</summary>
public sealed record ApiConversation(string Id, bool Unread, IReadOnlyList<ApiAccount> Accounts, ApiStatus? LastStatus);
