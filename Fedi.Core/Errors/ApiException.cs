namespace Fedi.Core.Errors;

/// <summary>
/// A failure a client may see: an HTTP status and a client-safe message, rendered as Mastodon's
/// <c>{"error": "..."}</c> by the one error handler of each HTTP tier.
/// </summary>
public class ApiException(int status, string error, string? description = null) : Exception(error)
{
    public int Status { get; } = status;
    public string Error { get; } = error;

    /// <summary>OAuth endpoints add error_description (RFC 6749); other endpoints leave it null.</summary>
    public string? Description { get; } = description;

    public static ApiException NotFound() => new(404, "Record not found");
    public static ApiException Unprocessable(string message) => new(422, message);
    public static ApiException BadRequest(string message) => new(400, message);
    public static ApiException Forbidden(string message = "This action is not allowed") => new(403, message);
}
