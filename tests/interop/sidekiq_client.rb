# Shared by the interop scripts: loads Sidekiq (Debian's ruby-sidekiq, 6.4) and points its client at the
# Redis URL given as the first argument, with no namespace — the keys Fedi writes when REDIS_NAMESPACE is unset.
require "json"
require "sidekiq"
require "sidekiq/api"

url = ARGV.shift or abort("usage: ruby #{$PROGRAM_NAME} <redis-url> ...")
Sidekiq.configure_client { |config| config.redis = {url: url} }
Sidekiq.logger.level = Logger::WARN
Redis.silence_deprecations = true if Redis.respond_to?(:silence_deprecations=)
