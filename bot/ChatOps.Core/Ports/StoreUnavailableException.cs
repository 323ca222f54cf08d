namespace ChatOps.Core.Ports;

/// <summary>
/// The store cannot be reached right now (a networked store is down or restarting). Nothing the caller asked for is
/// known to be written; repeating the command with the same idempotency key is safe, so surfaces answer
/// "store unavailable, try again" instead of failing.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : this("The incident store is unavailable right now; try again in a moment.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
