using ChatOps.Core.Incidents;

namespace ChatOps.Core.Ports;

/// <summary>A durable timer that is due. It is completed by the commit of the command it raises (fires once).</summary>
public sealed record DueTimer(string Key, IncidentId Incident, DateTimeOffset DueAt);

/// <summary>Durable timers. Scheduling happens inside <see cref="IIncidentStore.CommitAsync"/> (<c>TimerChange</c>).</summary>
public interface ITimerStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> timers due at <paramref name="now"/> for <paramref name="lease"/>; a timer claimed by
    /// another owner whose lease has not expired is not returned. Ordered by due time.
    /// </summary>
    Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct);

    /// <summary>Deletes the timer if it is still the same one (same key and due time); for timers whose command was refused.</summary>
    Task CompleteAsync(DueTimer timer, CancellationToken ct);

    Task<int> CountPendingAsync(CancellationToken ct);
}
