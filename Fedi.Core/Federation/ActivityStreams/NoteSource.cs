using Fedi.Core.Accounts;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>What a Note is rendered from: the status, its author, whom it mentions, its tags and the parent's URI.</summary>
public sealed record NoteSource(Status Status, Account Author, IReadOnlyList<Account> Mentioned, IReadOnlyList<string> Tags, string? InReplyToUri);
