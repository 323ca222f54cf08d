namespace ChatOps.Core.Ports;

/// <summary>
/// Raised by the dispatcher after a commit that put messages in the outbox, so the host's outbox pump delivers them at
/// once instead of at its next poll, whichever surface the command came from (HTTP API, console, chat adapters,
/// timers, a Teams card action answered synchronously).
/// </summary>
public interface IOutboxWakeup
{
    void Raise();
}
