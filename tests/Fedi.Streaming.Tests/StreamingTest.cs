using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>What tests on the shared instance use: the cluster, a Redis producer, account builders, one deadline.</summary>
public abstract class StreamingTest
{
    /// <summary>How long a frame may take to arrive; generous, never a timing assertion.</summary>
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    protected static FediCluster Cluster => StreamingCluster.Cluster;
    protected static RedisProbe Redis => StreamingCluster.Redis;
    protected static TestAccounts Accounts => StreamingCluster.Accounts;
}
