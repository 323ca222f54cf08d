namespace ChatOps.Core.Ports;

/// <summary>
/// Raised by an adapter that committed commands outside the host's pumps (Teams answers a card's
/// <c>Action.Execute</c> synchronously), so the host's outbox pump delivers their messages at once instead of at its
/// next poll.
/// </summary>
public interface IOutboxWakeup
{
    void Raise();
}
