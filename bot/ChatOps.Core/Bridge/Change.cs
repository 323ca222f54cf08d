using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>
/// Collects what one accepted command does. Messages and card replies are materialised in <see cref="Accept"/>
/// so they all carry the final snapshot, frozen at this command.
/// </summary>
internal sealed class Change(Incident snapshot, CommandEnvelope envelope, DateTimeOffset now)
{
    private readonly List<TimelineEntry> _events = [];
    private readonly List<(MessageKind Kind, string Channel, Func<Incident, string> Text)> _messages = [];
    private readonly List<TimerChange> _timers = [];
    private readonly List<(string Text, MessageKind? Card)> _replies = [];

    public Incident Snapshot { get; set; } = snapshot;

    public DateTimeOffset Now => now;

    public Actor Actor => envelope.Actor;

    public Change Event(string kind, string text)
    {
        _events.Add(new TimelineEntry(Snapshot.Id, 0, now, envelope.Actor, kind, text, envelope.Surface));
        return this;
    }

    public Change Message(MessageKind kind, string channel, Func<Incident, string> text)
    {
        _messages.Add((kind, channel, text));
        return this;
    }

    public Change Timer(TimerChange change)
    {
        _timers.Add(change);
        return this;
    }

    public Change Reply(string text, MessageKind? card = null)
    {
        _replies.Add((text, card));
        return this;
    }

    public Accepted Accept()
    {
        var final = Snapshot;
        return new Accepted(
            final,
            _events.ToList(),
            _messages.Select(m => new OutboundMessage(m.Kind, m.Channel, final.Id, m.Text(final), final)).ToList(),
            _timers.ToList(),
            _replies.Select(r => new Reply(r.Text, r.Card, r.Card is null ? null : final)).ToList());
    }
}
