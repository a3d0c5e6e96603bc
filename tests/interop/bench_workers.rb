# sidekiq -r ./tests/interop/bench_workers.rb -c <N> -q default   (REDIS_URL names the Redis)
# Sidekiq twins of Fedi's diagnostic benchmark jobs (Fedi.Worker/Handlers/Diagnostics), doing the same Redis work.
require "sidekiq"

Redis.silence_deprecations = true if Redis.respond_to?(:silence_deprecations=)
# No "start"/"done" line per job: Fedi logs none either, and 200,000 lines down a pipe would only slow Sidekiq.
Sidekiq.logger.level = Logger::WARN

module Fedi
  # Fedi::BenchNoop: nothing; measures the engine alone.
  class BenchNoop
    include Sidekiq::Worker

    def perform(*)
    end
  end

  # Fedi::BenchFeedInsert [key, id]: ZADD id to the feed, trim it to the newest 800, in one pipelined round trip.
  class BenchFeedInsert
    include Sidekiq::Worker

    MAX_ITEMS = 800

    def perform(key, id)
      Sidekiq.redis do |conn|
        conn.pipelined do |pipeline|
          pipeline.zadd(key, id, id)
          pipeline.zremrangebyrank(key, 0, -MAX_ITEMS - 1)
        end
      end
    end
  end
end
