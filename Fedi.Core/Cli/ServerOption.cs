namespace Fedi.Core.Cli;

/// <summary>
/// A flag of the server command that stands for a setting (as Sidekiq's <c>-q</c>/<c>-c</c>): when given it
/// overrides <paramref name="Variable"/> for this process, so a systemd unit can dedicate one process to one
/// queue without a separate environment file. The value is validated exactly as the variable would be.
/// </summary>
public sealed record ServerOption(string Name, string Alias, string Variable, string Description);
