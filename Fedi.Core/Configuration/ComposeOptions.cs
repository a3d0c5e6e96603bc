namespace Fedi.Core.Configuration;

/// <summary>Limits on what a post may carry besides its text: polls and schedules. Read once at start from the environment.</summary>
public sealed record ComposeOptions
{
    /// <summary>MAX_POLL_OPTIONS (Mastodon's name): at most this many options per poll; at least two always.</summary>
    public int MaxPollOptions { get; init; } = 4;

    /// <summary>MAX_POLL_OPTION_CHARS (Mastodon's name): characters per option.</summary>
    public int MaxPollOptionChars { get; init; } = 50;

    /// <summary>Mastodon's PollValidator bounds: five minutes to one month (2,629,746 s).</summary>
    public TimeSpan PollMinExpiresIn { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollMaxExpiresIn { get; init; } = TimeSpan.FromSeconds(2_629_746);

    /// <summary>Mastodon's ScheduledStatus::MINIMUM_OFFSET: a schedule must lie at least this far ahead.</summary>
    public TimeSpan ScheduledMinLead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Mastodon's ScheduledStatus limits: per account and UTC day, and in all.</summary>
    public int ScheduledDailyLimit { get; init; } = 25;

    public int ScheduledTotalLimit { get; init; } = 300;

    public static ComposeOptions From(EnvironmentSettings env) => new()
    {
        MaxPollOptions = env.Int("MAX_POLL_OPTIONS", 4, min: 2, max: 20),
        MaxPollOptionChars = env.Int("MAX_POLL_OPTION_CHARS", 50, min: 1, max: 500),
        // Test and development only: lets a test watch a poll expire or a schedule publish within seconds.
        PollMinExpiresIn = TimeSpan.FromSeconds(env.Int("DEV_ONLY_POLL_MIN_EXPIRES_IN", 300, min: 1, max: 300)),
        ScheduledMinLead = TimeSpan.FromSeconds(env.Int("DEV_ONLY_SCHEDULED_MIN_LEAD", 300, min: 1, max: 300)),
    };
}
