using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>What the bridge decided about one command. It does no I/O: the dispatcher commits an <see cref="Accepted"/>.</summary>
public abstract record Decision;

/// <summary>
/// The command is accepted. <see cref="Events"/> are timeline entries with Sequence 0 (the store numbers them);
/// <see cref="Snapshot"/> carries the new version (previous + 1).
/// </summary>
public sealed record Accepted(
    Incident Snapshot,
    IReadOnlyList<TimelineEntry> Events,
    IReadOnlyList<OutboundMessage> Messages,
    IReadOnlyList<TimerChange> Timers,
    IReadOnlyList<Reply> Replies) : Decision;

/// <summary>The command is refused; <see cref="Reason"/> says why in words and what to do next.</summary>
public sealed record Refused(string Reason) : Decision;
