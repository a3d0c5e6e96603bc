# ruby tests/interop/records.rb <redis-url> <job JSON>...
# Reads each job JSON, as Fedi's JobClient writes it, with Sidekiq::JobRecord — what Sidekiq's API and Web UI
# show for an entry of a queue or sorted set — and prints {"records": [...]} with what Sidekiq sees in it.
require_relative "sidekiq_client"

records = ARGV.map do |json|
  record = Sidekiq::JobRecord.new(json)
  {
    klass: record.klass, display_class: record.display_class, args: record.args, display_args: record.display_args,
    queue: record.queue, jid: record.jid, retry: record["retry"], created_at: record.created_at.to_f,
    enqueued_at: record.enqueued_at&.to_f
  }
end
puts JSON.generate(records: records)
