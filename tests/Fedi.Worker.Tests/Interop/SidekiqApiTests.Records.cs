using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Interop;

/// <summary>Every job record as Sidekiq's API reads it: the contract of each job, checked by the other side.</summary>
public sealed partial class SidekiqApiTests
{
    [Test]
    public async Task Sidekiq_reads_every_job_record_Fedi_writes_with_its_class_queue_retry_and_args()
    {
        var jobs = JobWireCase.All.Select(c => (Case: c, Payload: c.Payload())).ToList();
        // Parked on a queue no worker fetches, so Sidekiq::Queue lists them as they were written.
        await Db.SetAddAsync(SidekiqKeys.Queues, "interop_records");
        foreach (var (_, payload) in jobs) await Db.ListLeftPushAsync(SidekiqKeys.Queue("interop_records"), payload.ToJson());

        var records = await Sidekiq.ReadRecordsAsync(jobs.Select(j => j.Payload.ToJson()));
        var queued = (await Sidekiq.InspectAsync())["queues"]!.AsArray().OfType<JsonObject>().Single(q => q["name"]!.GetValue<string>() == "interop_records");

        Assert.Multiple(() =>
        {
            foreach (var ((wire, payload), record) in jobs.Zip(records))
            {
                Assert.That(record["klass"]!.GetValue<string>(), Is.EqualTo(wire.Class), wire.Name);
                Assert.That(record["display_class"]!.GetValue<string>(), Is.EqualTo(wire.Class), wire.Name);
                Assert.That(record["queue"]!.GetValue<string>(), Is.EqualTo(wire.Queue), wire.Name);
                Assert.That(record["retry"]!.GetValue<bool>(), Is.EqualTo(wire.Retry), wire.Name);
                Assert.That(record["args"]!.ToJsonString(), Is.EqualTo(wire.Args), wire.Name);
                Assert.That(record["jid"]!.GetValue<string>(), Is.EqualTo(payload.Jid), wire.Name);
                Assert.That(record["enqueued_at"]!.GetValue<double>(), Is.EqualTo(payload.EnqueuedAt!.Value).Within(0.001), wire.Name);
                var inQueue = Entry(queued, "jobs", payload.Jid);
                Assert.That(inQueue["klass"]!.GetValue<string>(), Is.EqualTo(wire.Class), wire.Name);
                Assert.That(inQueue["args"]!.ToJsonString(), Is.EqualTo(wire.Args), wire.Name);
            }
        });
    }
}
