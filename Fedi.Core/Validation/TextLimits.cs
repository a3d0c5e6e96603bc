using Fedi.Core.Errors;

namespace Fedi.Core.Validation;

/// <summary>
/// The longest value each free-text input may hold, in one place (the README's "Limits" lists them). Mastodon's
/// own limit where it has one; otherwise a bound chosen so that no request can store more than a page of text.
/// Lengths are UTF-16 code units (.NET string length) unless a limit says otherwise. Over a limit is a 422 worded
/// as Rails' length validator words it, and nothing is stored.
/// </summary>
public static class TextLimits
{
    /// <summary>Any request body to the client API, in bytes: Mastodon's 1 MiB cap on JSON. Media uploads, when they come, raise it per route.</summary>
    public const int RequestBodyBytes = 1024 * 1024;

    /// <summary>Status text plus content warning as Mastodon counts them (a URL 23, a remote mention its username): MAX_CHARS.</summary>
    public const int StatusCharacters = 500;

    /// <summary>Status text plus content warning as stored: 10× <see cref="StatusCharacters"/>, so that what counts short (URLs, remote mentions) cannot carry megabytes.</summary>
    public const int StatusRawLength = 10 * StatusCharacters;

    /// <summary>One link in a status: the longest URL browsers and servers reliably handle; a longer one is refused, not counted as 23.</summary>
    public const int StatusUrl = 2_000;

    /// <summary>The language parameter of a status (ISO 639 or a BCP 47 tag such as zh-Hant-TW).</summary>
    public const int LanguageCode = 16;

    /// <summary>A list title (Mastodon sets none; a title is a line, not a document).</summary>
    public const int ListTitle = 256;

    /// <summary>A local username (Mastodon's UsernameValidator).</summary>
    public const int Username = 30;

    /// <summary>A display name (Mastodon's Account::DISPLAY_NAME_LENGTH_LIMIT), for when profiles can be edited.</summary>
    public const int DisplayName = 30;

    /// <summary>A profile note / bio (Account::NOTE_LENGTH_LIMIT), for when profiles can be edited.</summary>
    public const int Note = 500;

    /// <summary>A profile field's name and its value (Account::Field), for when profiles can be edited.</summary>
    public const int ProfileField = 255;

    /// <summary>An OAuth application's client_name (Mastodon's APP_NAME_LIMIT).</summary>
    public const int ApplicationName = 60;

    /// <summary>An application's redirect_uris together, and its website (APP_REDIRECT_URI_LIMIT, APP_WEBSITE_LIMIT).</summary>
    public const int Uri = 2_000;

    /// <summary>Rails' length failure: 422 "Validation failed: <paramref name="attribute"/> is too long (maximum is <paramref name="maximum"/> characters)".</summary>
    public static ValidationException TooLong(string field, string attribute, int maximum) =>
        new([new FieldError(field, "ERR_TOO_LONG", attribute, $"is too long (maximum is {maximum} characters)")]);

    /// <summary>Throws <see cref="TooLong"/> when <paramref name="value"/> is longer than <paramref name="maximum"/>.</summary>
    public static void Check(string? value, string field, string attribute, int maximum)
    {
        if (value?.Length > maximum) throw TooLong(field, attribute, maximum);
    }
}
