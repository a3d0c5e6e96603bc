using System.Text;

namespace Fedi.Web.Tests.Hardening;

/// <summary>One malformed request shape: what replaces the route's ids (null: an id that exists), what goes in the query and the body.</summary>
/// <param name="BareBadRequest">Kestrel refuses it as a malformed request line (400, empty body) before any of our code runs.</param>
public sealed record FuzzInput(string Name, string? Id, string Query, byte[]? Body, string? ContentType, bool BareBadRequest = false)
{
    public override string ToString() => Name;
}

/// <summary>The malformed values the fuzz suite sends to every route; each one alone would make no valid request.</summary>
public static class FuzzInputs
{
    private static readonly string Huge = new('a', 100 * 1024);

    // Every field a route of ours reads, so each route meets the value where it would parse it.
    private static readonly string[] Fields =
        ["status", "visibility", "in_reply_to_id", "spoiler_text", "title", "replies_policy", "exclusive", "client_name", "redirect_uris",
         "scopes", "website", "grant_type", "client_id", "client_secret", "code", "token", "username", "password", "email", "agreement",
         "locale", "reason", "acct", "domain", "account_ids", "id", "limit", "max_id", "since_id", "min_id", "notifications", "duration"];

    // 100 KB in the free-text fields only: every field at once would be megabytes a request.
    private static readonly HashSet<string> Texts = ["status", "title", "client_name", "username", "acct", "domain"];

    public static readonly IReadOnlyList<FuzzInput> All =
    [
        Json("broken JSON", null, """{"status": "x", "title": [1, """),
        Json("JSON that is not an object", null, "[1,2,3]"),
        Json("wrong-typed JSON values", null, Object(f => f switch
        {
            "status" or "title" or "client_name" or "username" => "{\"a\":1}",
            "account_ids" or "scopes" or "redirect_uris" => "17",
            "limit" or "duration" => "\"-1e999\"",
            _ => "[null, true, {\"x\": []}]",
        })),
        Json("huge JSON strings", null, Object(f => Texts.Contains(f) ? $"\"{Huge}\"" : "\"x\"")),
        new("invalid UTF-8 in JSON", null, "", [.. "{\"status\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\",\"title\":\"x\"}"u8], "application/json"),
        Json("lone surrogate escapes", null, Object(_ => "\"\\ud800\"")),
        Json("NUL escapes", null, Object(_ => "\"a\\u0000b\"")),
        Form("NUL bytes in a form", null, "a%00b"),
        new("huge form values", null, "", Encoding.ASCII.GetBytes(string.Join('&', Fields.Select(f => $"{f}={(Texts.Contains(f) ? Huge : "x")}"))),
            "application/x-www-form-urlencoded"),
        new("a form in UTF-7", null, "", Encoding.ASCII.GetBytes(string.Join('&', Fields.Select(f => $"{f}=%2BAGEAYgBj-"))),
            "application/x-www-form-urlencoded; charset=utf-7"),
        new("invalid UTF-8 in the query", null, "q=%FF%FE&acct=%C3%28&title=%ED%A0%80", null, null),
        new("NUL in the query", null, "acct=a%00b&q=%00&max_id=1%00", null, null),
        new("the smallest int as a limit", null, "limit=-2147483648&max_id=-9223372036854775808&since_id=abc&min_id=99999999999999999999", null, null),
        new("a huge limit", null, "limit=99999999999999999999&local=maybe&only_media=2", null, null),
        new("a non-numeric id", "abc", "", null, null),
        new("an id beyond 64 bits", "99999999999999999999999", "", null, null),
        new("a negative id", "-1", "", null, null),
        new("an id with a NUL", "1%00", "", null, null, BareBadRequest: true),
        new("an id of invalid UTF-8", "%FF%FE", "", null, null),
    ];

    private static FuzzInput Json(string name, string? id, string body) => new(name, id, "", Encoding.UTF8.GetBytes(body), "application/json");

    private static FuzzInput Form(string name, string? id, string value) =>
        new(name, id, "", Encoding.ASCII.GetBytes(string.Join('&', Fields.Select(f => $"{f}={value}"))), "application/x-www-form-urlencoded");

    private static string Object(Func<string, string> value) => "{" + string.Join(',', Fields.Select(f => $"\"{f}\":{value(f)}")) + "}";
}
