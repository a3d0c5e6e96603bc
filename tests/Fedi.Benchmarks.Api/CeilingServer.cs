using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fedi.Benchmarks.Api;

/// <summary>
/// The plain Kestrel JSON ceiling: this executable started again with <c>--serve-ceiling PORT</c> serves a page of
/// 40 small records as JSON, serialised per request, with no database, Redis or authentication. Being a process of
/// its own, it competes for the cores as Fedi.Web does, so the ratio of the two is what Fedi's own work costs.
/// </summary>
public static class CeilingServer
{
    private sealed record Item(string Id, string CreatedAt, string Content, int FavouritesCount, bool Favourited, string[] Tags);

    public static async Task ServeAsync(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.MapGet("/ceiling", () => Results.Json(Enumerable.Range(0, 40).Select(i =>
            new Item($"11{i:D16}", "2026-12-02T12:00:00.000Z", $"<p>Status {i} about the garden</p>", i % 7, i % 5 == 0, ["garden"]))));
        await app.RunAsync();
    }

    public static Process Start(int port)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(CeilingServer).Assembly.Location);
        info.ArgumentList.Add("--serve-ceiling");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(info) ?? throw new InvalidOperationException("the ceiling server did not start");
    }
}
