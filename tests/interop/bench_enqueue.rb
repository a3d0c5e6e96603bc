# ruby tests/interop/bench_enqueue.rb <redis-url> <one|bulk> <count> <queue>
# Enqueues <count> Fedi::BenchNoop jobs with Sidekiq's client — one Sidekiq::Client.push per job, or
# Sidekiq::Client.push_bulk in batches of 1,000 — and prints {"seconds": …} (enqueue time only).
require_relative "sidekiq_client"

mode, count, queue = ARGV
count = Integer(count)
started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
if mode == "one"
  count.times { |i| Sidekiq::Client.push("class" => "Fedi::BenchNoop", "args" => [i], "queue" => queue) }
else
  (0...count).each_slice(1_000) do |slice|
    Sidekiq::Client.push_bulk("class" => "Fedi::BenchNoop", "args" => slice.map { |i| [i] }, "queue" => queue)
  end
end
puts JSON.generate(seconds: Process.clock_gettime(Process::CLOCK_MONOTONIC) - started)
