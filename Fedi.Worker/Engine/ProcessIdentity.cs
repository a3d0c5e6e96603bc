using System.Security.Cryptography;

namespace Fedi.Worker.Engine;

/// <summary>This process as Sidekiq names processes: <c>hostname:pid:&lt;random hex&gt;</c>.</summary>
public sealed record ProcessIdentity(string Hostname, int Pid, string Nonce, DateTimeOffset StartedAt)
{
    public string Identity => $"{Hostname}:{Pid}:{Nonce}";

    public static ProcessIdentity Create(TimeProvider time) => new(
        Environment.MachineName.ToLowerInvariant(),
        Environment.ProcessId,
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
        time.GetUtcNow());

    public override string ToString() => Identity;
}
