# ruby tests/interop/act.rb <redis-url> <retry|scheduled|dead> <jid> <delete|add_to_queue|retry|kill>
# Acts on one entry of a sorted set through Sidekiq's API, as an operator in Sidekiq's web UI would,
# and prints {"found": true|false}.
require_relative "sidekiq_client"

set_name, jid, action = ARGV
set = {"retry" => Sidekiq::RetrySet, "scheduled" => Sidekiq::ScheduledSet, "dead" => Sidekiq::DeadSet}.fetch(set_name).new
entry = set.find_job(jid)
entry&.public_send(action)
puts JSON.generate(found: !entry.nil?)
