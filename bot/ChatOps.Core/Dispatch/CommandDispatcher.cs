using ChatOps.Core.Bridge;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Core.Dispatch;

/// <summary>
/// The one way in for every surface: parse -> per-incident lock -> load with dedupe -> bridge.Decide -> one atomic
/// commit. A command is answered only after its commit; a redelivery (same idempotency key) gets the first answer.
/// A commit that put messages in the outbox wakes the host's outbox pump (<paramref name="outboxWakeup"/>), whichever
/// surface the command came from, so they go out now and not at the pump's next poll.
/// </summary>
public sealed class CommandDispatcher(
    IIncidentStore store,
    ITimerStore timers,
    IncidentBridge bridge,
    IncidentQueries queries,
    TimeProvider clock,
    IOutboxWakeup? outboxWakeup = null)
{
    /// <summary>Another replica may win the race for a version; after this many tries we give up and say so.</summary>
    private const int MaxConflictRetries = 8;

    private readonly IncidentLocks _locks = new();

    public Task<DispatchResult> DispatchTextAsync(CommandRequest request, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(request.Text);
        if (!parsed.IsSuccess) return Task.FromResult(DispatchResult.Invalid(parsed.Error!, parsed.Usage));
        var envelope = new CommandEnvelope(parsed.Command!, request.Actor, request.Channel, request.Surface, request.IdempotencyKey);
        return DispatchAsync(envelope, ct);
    }

    public async Task<DispatchResult> DispatchAsync(CommandEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Command.IsQuery) return await queries.AnswerAsync(envelope, ct).ConfigureAwait(false);
        if (envelope.Command is DeclareIncident) return await DeclareAsync(envelope, ct).ConfigureAwait(false);

        var target = envelope.Command.Target ?? await store.FindByChannelAsync(envelope.Channel, ct).ConfigureAwait(false);
        if (target is null)
        {
            // A redelivery still gets its first answer, even if the channel no longer names an incident.
            var prior = await store.FindResultAsync(envelope.IdempotencyKey, ct).ConfigureAwait(false);
            return prior is not null ? Replay(prior) : DispatchResult.NotFound(
                $"Which incident? This channel is not an incident channel: name it right after the verb, e.g. `{envelope.Command.Verb} INC-7`.");
        }
        return await HandleAsync(target.Value, envelope, completedTimer: null, ct).ConfigureAwait(false);
    }

    /// <summary>Raises the command a due timer stands for; the timer is completed by that command's commit, so it fires once.</summary>
    public async Task FireTimerAsync(DueTimer timer, CancellationToken ct)
    {
        var command = new RemindUpdateDue(timer.DueAt) { Target = timer.Incident };
        var key = $"timer:{timer.Key}:{timer.DueAt.ToUnixTimeMilliseconds()}";
        var envelope = new CommandEnvelope(command, Actor.Bot, "", "timer", key);
        var result = await HandleAsync(timer.Incident, envelope, timer, ct).ConfigureAwait(false);
        // Refused (stale), unknown or already handled: nothing will complete it in a commit, so complete it here.
        if (result.Outcome != DispatchOutcome.Ok || result.Duplicate) await timers.CompleteAsync(timer, ct).ConfigureAwait(false);
    }

    private async Task<DispatchResult> DeclareAsync(CommandEnvelope envelope, CancellationToken ct)
    {
        var prior = await store.FindResultAsync(envelope.IdempotencyKey, ct).ConfigureAwait(false);
        if (prior is not null) return Replay(prior);
        var id = await store.AllocateIdAsync(ct).ConfigureAwait(false);
        var decision = bridge.Decide(null, id, envelope, clock.GetUtcNow());
        if (decision is Refused refused) return DispatchResult.Refused(id, refused.Reason) with { Incident = null };
        var accepted = (Accepted)decision;
        var result = new DispatchResult(DispatchOutcome.Ok, id, accepted.Replies);
        var outcome = await CommitAsync(ToCommit(accepted, 0, envelope, result, null), ct).ConfigureAwait(false);
        return outcome.Outcome switch
        {
            CommitOutcome.Committed => result,
            CommitOutcome.Duplicate => Replay(outcome.PriorResultJson!),
            // A fresh id can only conflict if the counter went backwards: never answer as if it were saved.
            _ => throw new InvalidOperationException($"Incident number {id} was already taken; the id counter is inconsistent."),
        };
    }

    private async Task<CommitResult> CommitAsync(IncidentCommit commit, CancellationToken ct)
    {
        var outcome = await store.CommitAsync(commit, ct).ConfigureAwait(false);
        if (outcome.Outcome == CommitOutcome.Committed && commit.Messages.Count > 0) outboxWakeup?.Raise();
        return outcome;
    }

    private async Task<DispatchResult> HandleAsync(IncidentId id, CommandEnvelope envelope, DueTimer? completedTimer, CancellationToken ct)
    {
        using var _ = await _locks.AcquireAsync(id.Number, ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            // The redelivery check and the snapshot in one read; under the lock, so a redelivery that raced its
            // original waits for it and gets its answer.
            var (current, prior) = await store.GetForCommandAsync(id, envelope.IdempotencyKey, ct).ConfigureAwait(false);
            if (prior is not null) return Replay(prior);
            if (current is null) return DispatchResult.NotFound($"There is no incident {id}. `list` shows the open ones.");

            var decision = bridge.Decide(current, id, envelope, clock.GetUtcNow());
            if (decision is Refused refused) return DispatchResult.Refused(id, refused.Reason);

            var accepted = (Accepted)decision;
            var result = new DispatchResult(DispatchOutcome.Ok, id, accepted.Replies);
            var outcome = await CommitAsync(ToCommit(accepted, current.Version, envelope, result, completedTimer), ct).ConfigureAwait(false);
            switch (outcome.Outcome)
            {
                case CommitOutcome.Committed: return result;
                case CommitOutcome.Duplicate: return Replay(outcome.PriorResultJson!);
                default: continue; // another replica changed the incident first: decide again on the new state
            }
        }
        return DispatchResult.Refused(id, $"{id} is changing too fast right now; nothing was changed. Try the command again.");
    }

    private static IncidentCommit ToCommit(Accepted accepted, long expectedVersion, CommandEnvelope envelope, DispatchResult result, DueTimer? completedTimer) =>
        new(accepted.Snapshot, expectedVersion, accepted.Events, accepted.Messages, accepted.Timers,
            envelope.IdempotencyKey, IncidentJson.Serialize(result), completedTimer);

    private static DispatchResult Replay(string json) =>
        (IncidentJson.Deserialize<DispatchResult>(json) ?? throw new InvalidOperationException("Stored command result is unreadable."))
        with { Duplicate = true };
}
