using System.Text.Json;
using System.Text.RegularExpressions;
using Fedi.Core.Contracts.Jobs;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Contracts;

/// <summary>Unit level: each job record to Sidekiq's args and back, on the wire the positional code wrote.</summary>
public sealed class JobRecordTests
{
    private static IEnumerable<JobWireCase> Cases => JobWireCase.All;

    [TestCaseSource(nameof(Cases))]
    public void A_record_is_written_as_the_positional_job_it_replaced(JobWireCase job)
    {
        var json = job.Payload().ToJson();

        var expected = $$"""^\{"class":"{{Regex.Escape(job.Class)}}","args":{{Regex.Escape(job.Args)}},"queue":"{{job.Queue}}","jid":"[0-9a-f]{24}","retry":{{(job.Retry ? "true" : "false")}},"created_at":[0-9.]+,"enqueued_at":[0-9.]+\}$""";
        Assert.That(json, Does.Match(expected));
    }

    [TestCaseSource(nameof(Cases))]
    public void A_record_reads_back_from_the_args_it_wrote(JobWireCase job)
    {
        using var document = JsonDocument.Parse(job.Payload().ToJson());

        Assert.That(job.Read(document.RootElement.GetProperty("args")), Is.EqualTo(job.Record));
    }

    [TestCase("MergeJob", """["1","2"]""", ExpectedResult = "MergeJob { TargetAccountId = 1, FollowerAccountId = 2 }")]
    [TestCase("MergeJob", """[1,2,"home"]""", ExpectedResult = "MergeJob { TargetAccountId = 1, FollowerAccountId = 2 }")]
    [TestCase("DistributionJob", """["110123456789012345"]""", ExpectedResult = "DistributionJob { StatusId = 110123456789012345, Update = False }")]
    [TestCase("DistributionJob", """[5,{"update":true,"skip_notifications":true}]""", ExpectedResult = "DistributionJob { StatusId = 5, Update = True }")]
    [TestCase("DistributionJob", """[5,{"update":"yes"}]""", ExpectedResult = "DistributionJob { StatusId = 5, Update = False }")]
    [TestCase("FeedInsertBatchJob", """[7,"5000","9999"]""", ExpectedResult = "FeedInsertBatchJob { StatusId = 7, AfterFollowerId = 5000, UpToFollowerId = 9999 }")]
    [TestCase("TestJob", """["diagnostics:k","ok"]""", ExpectedResult = "TestJob { Key = diagnostics:k, Behaviour = ok, Token =  }")]
    [TestCase("BenchNoopJob", """[]""", ExpectedResult = "BenchNoopJob { Sequence = 0 }")]
    public string Args_as_other_Sidekiq_clients_send_them_read_too(string record, string args) => Read(record, args).ToString()!;

    [TestCase("DistributionJob", "[]")]
    [TestCase("DistributionJob", "[null]")]
    [TestCase("DistributionJob", "[0]")]
    [TestCase("DistributionJob", "[-4]")]
    [TestCase("DistributionJob", "[1.5]")]
    [TestCase("DistributionJob", """["12a"]""")]
    [TestCase("DistributionJob", """{"status_id":1}""")]
    [TestCase("MergeJob", "[1]")]
    [TestCase("UnmergeJob", """["someone",2]""")]
    [TestCase("RemovalJob", "[true]")]
    [TestCase("FeedInsertBatchJob", """[7,"0",9999]""")]
    [TestCase("MaintenanceJob", "[1]")]
    [TestCase("TestJob", """["diagnostics:k","ok",3]""")]
    [TestCase("BenchFeedInsertJob", """["diagnostics:k"]""")]
    public void Malformed_args_are_a_permanent_failure(string record, string args) =>
        Assert.Throws<PermanentJobException>(() => Read(record, args));

    private static object Read(string record, string args)
    {
        using var document = JsonDocument.Parse(args);
        return JobWireCase.ReaderOf(record)(document.RootElement);
    }
}
