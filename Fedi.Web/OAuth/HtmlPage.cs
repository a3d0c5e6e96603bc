using System.Text.Encodings.Web;

namespace Fedi.Web.OAuth;

/// <summary>
/// The few server-rendered pages (sign-in and consent, authorization code, errors): one small layout, no
/// scripts, every interpolated value HTML-encoded by the callers through <see cref="E"/>.
/// </summary>
public static class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;background:#f3f3f8;color:#1f1f2b;margin:0;padding:2rem 1rem}
        main{max-width:26rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 1px 3px #0002}
        h1{font-size:1.25rem;margin-top:0}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
        input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #bbb;border-radius:4px}
        ul{padding-left:1.2rem}li{margin:.2rem 0}.scope{font-family:monospace}
        .error{background:#fde8e8;color:#8a1c1c;padding:.5rem .75rem;border-radius:4px}
        .actions{display:flex;gap:.5rem;margin-top:1rem}button{flex:1;padding:.6rem;border-radius:4px;border:0;font-size:1rem;cursor:pointer}
        button.primary{background:#595aff;color:#fff}button.secondary{background:#e4e4ee}
        code{display:block;word-break:break-all;background:#f3f3f8;padding:.75rem;border-radius:4px;font-size:1.1rem}
        """;

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>An HTML response that cannot be framed, cached or made to run scripts.</summary>
    public static IResult Render(HttpContext http, string title, string body, int status = 200)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        headers["Referrer-Policy"] = "same-origin";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{E(title)}</title><style>{Style}</style></head>
            <body><main>{body}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    public static IResult Error(HttpContext http, string error, string description, int status = 400) =>
        Render(http, "An error has occurred", $"""
            <h1>An error has occurred</h1>
            <p class="error" id="error" data-error="{E(error)}">{E(description)}</p>
            """, status);
}
