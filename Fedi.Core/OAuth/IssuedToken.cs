namespace Fedi.Core.OAuth;

/// <summary>A freshly issued access token. <see cref="Secret"/> exists only in this response; the database keeps its digest.</summary>
public sealed record IssuedToken(long Id, string Secret, string Scopes, DateTime CreatedAt);
