using Fedi.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Polls;

/// <summary>Polls: their limits, stores, the part posting and editing use, and voting.</summary>
public static class PollServices
{
    public static IServiceCollection AddFediPolls(this IServiceCollection services)
    {
        services.AddSingleton(sp => ComposeOptions.From(sp.GetRequiredService<FediSettings>().Environment));
        services.AddSingleton<PollRules>();
        services.AddSingleton<PollStore>();
        services.AddSingleton<PollVoteStore>();
        services.AddSingleton<StatusPolls>();
        services.AddSingleton<VotePollService>();
        return services;
    }
}
