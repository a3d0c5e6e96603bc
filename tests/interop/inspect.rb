# ruby tests/interop/inspect.rb <redis-url>
# Prints, as one JSON document, what Sidekiq's own API reads from that Redis: stats, every queue with its
# jobs, the retry, scheduled and dead sets, and the live processes. The interop tests compare it with what
# Fedi did.
require_relative "sidekiq_client"

def job(record)
  {
    klass: record.klass, args: record.args, jid: record.jid, queue: record.queue,
    created_at: record.created_at.to_f, enqueued_at: record["enqueued_at"] && record.enqueued_at.to_f,
    error_class: record["error_class"], error_message: record["error_message"], retry_count: record["retry_count"],
    failed_at: record["failed_at"]
  }
end

def sorted_set(set)
  set.map { |entry| job(entry).merge(at: entry.at.to_f, score: entry.score) }
end

stats = Sidekiq::Stats.new
queues = Sidekiq::Queue.all.map do |queue|
  {name: queue.name, size: queue.size, latency: queue.latency, jobs: queue.map { |record| job(record) }}
end
processes = Sidekiq::ProcessSet.new.map do |process|
  {
    identity: process.identity, hostname: process["hostname"], pid: process["pid"], tag: process.tag,
    labels: process.labels, busy: process["busy"], concurrency: process["concurrency"], queues: process["queues"],
    beat: process["beat"], quiet: process.stopping?, started_at: process["started_at"], rss: process["rss"]
  }
end

puts JSON.generate(
  now: Time.now.to_f,
  stats: {
    processed: stats.processed, failed: stats.failed, enqueued: stats.enqueued, retry_size: stats.retry_size,
    scheduled_size: stats.scheduled_size, dead_size: stats.dead_size, processes_size: stats.processes_size,
    workers_size: stats.workers_size, default_queue_latency: stats.default_queue_latency, queues: stats.queues
  },
  queues: queues,
  retry: sorted_set(Sidekiq::RetrySet.new),
  scheduled: sorted_set(Sidekiq::ScheduledSet.new),
  dead: sorted_set(Sidekiq::DeadSet.new),
  processes: processes
)
