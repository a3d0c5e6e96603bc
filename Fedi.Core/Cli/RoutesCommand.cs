using System.CommandLine;
using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Fedi.Core.Cli;

/// <summary>
/// <c>routes</c>: builds the tier's app without listening and prints <c>METHOD PATH KIND SCOPES</c> per endpoint,
/// for operators and for the tests that hold every route to a scope declaration. Undeclared routes print <c>none</c>.
/// </summary>
public static class RoutesCommand
{
    public static Command Create(string tier, Func<FediSettings, WebApplication> build)
    {
        var command = new Command("routes", "Print every route with the token scope it requires.");
        command.SetAction((_, _) => FediCommandLine.WithSettings(tier, 2, async settings =>
        {
            await using var app = build(settings);
            foreach (var line in Lines(app)) Console.WriteLine(line);
            return 0;
        }));
        return command;
    }

    private static IEnumerable<string> Lines(IEndpointRouteBuilder app) =>
        from endpoint in app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
        let methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]
        let requirement = endpoint.Metadata.GetMetadata<ScopeRequirement>()
        let path = "/" + endpoint.RoutePattern.RawText?.TrimStart('/')
        from method in methods
        orderby path, method
        select requirement is null
            ? $"{method} {path} none -"
            : $"{method} {path} {requirement.KindName} {(requirement.Scopes.Count == 0 ? "-" : string.Join(',', requirement.Scopes))}";
}
