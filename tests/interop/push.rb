# ruby tests/interop/push.rb <redis-url> <class> <args as a JSON array> [queue]
# Enqueues one job with Sidekiq::Client.push, as a Rails app would, and prints {"jid": …}.
require_relative "sidekiq_client"

klass, args, queue = ARGV
jid = Sidekiq::Client.push("class" => klass, "args" => JSON.parse(args), "queue" => queue || "default")
puts JSON.generate(jid: jid)
