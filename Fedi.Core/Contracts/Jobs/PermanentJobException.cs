namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// A job failed in a way no retry can fix (bad arguments, a remote answered 4xx for good): the worker
/// sends it straight to the dead set (or drops it if the job says "dead": false) instead of retrying.
/// Any other exception is transient and retried with Sidekiq's backoff.
/// </summary>
public class PermanentJobException(string message, Exception? inner = null) : Exception(message, inner);
