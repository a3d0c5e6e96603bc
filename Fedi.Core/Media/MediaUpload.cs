namespace Fedi.Core.Media;

/// <summary>A file sent to POST /api/v{1,2}/media, with its optional description and focus ("x,y").</summary>
public sealed record MediaUpload(Stream Content, long Length, string? Description, string? Focus);
