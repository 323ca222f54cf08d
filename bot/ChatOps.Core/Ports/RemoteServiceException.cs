namespace ChatOps.Core.Ports;

/// <summary>
/// A chat platform refused a call or could not be reached. Adapters throw a subclass; the outbox retries the message.
/// </summary>
public abstract class RemoteServiceException(string message, Exception? inner) : Exception(message, inner);

/// <summary>Tells the everyday failures of remote services from bugs, so logs stay readable during an outage.</summary>
public static class RemoteFailure
{
    /// <summary>
    /// True for a refusal, an unreachable host, a timeout or an unavailable store: these are logged as one line with
    /// their reason. Anything else is a bug and is logged with its stack trace. (During a Slack outage at 1,000
    /// commands/s, stack traces were 2 KB of log per command and most of the bot's CPU.)
    /// </summary>
    public static bool IsRoutine(Exception ex) =>
        ex is RemoteServiceException or HttpRequestException or TimeoutException or StoreUnavailableException
        || ex is TaskCanceledException { InnerException: TimeoutException };
}
