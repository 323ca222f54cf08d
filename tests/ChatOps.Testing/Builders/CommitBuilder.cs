using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Testing.Builders;

/// <summary>An <see cref="IncidentCommit"/> for one incident; each build gets a fresh idempotency key unless one is set.</summary>
public sealed class CommitBuilder
{
    private readonly List<TimelineEntry> _events = [];
    private readonly List<OutboundMessage> _messages = [];
    private readonly List<TimerChange> _timers = [];
    private readonly Incident _snapshot;
    private long _expectedVersion;
    private string? _key;
    private string _result = """{"ok":true}""";
    private DueTimer? _completed;
    private DateTimeOffset _at;

    private CommitBuilder(Incident snapshot, long expectedVersion)
    {
        _snapshot = snapshot;
        _expectedVersion = expectedVersion;
        _at = snapshot.DeclaredAt;
    }

    /// <summary>The first commit of a new incident (expected version 0).</summary>
    public static CommitBuilder Create(Incident snapshot) => new(snapshot with { Version = 1 }, 0);

    /// <summary>A commit on top of <paramref name="current"/>, expecting its version.</summary>
    public static CommitBuilder Update(Incident current, Func<Incident, Incident>? change = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var next = (change ?? (i => i))(current) with { Version = current.Version + 1 };
        return new CommitBuilder(next, current.Version);
    }

    public CommitBuilder ExpectingVersion(long version)
    {
        _expectedVersion = version;
        return this;
    }

    public CommitBuilder At(DateTimeOffset at)
    {
        _at = at;
        return this;
    }

    public CommitBuilder WithEvent(string kind, string text, Actor? actor = null, string surface = "console")
    {
        _events.Add(new TimelineEntry(_snapshot.Id, 0, _at, actor ?? IncidentBuilder.Alice, kind, text, surface));
        return this;
    }

    public CommitBuilder WithMessage(MessageKind kind, string channel, string text)
    {
        _messages.Add(new OutboundMessage(kind, channel, _snapshot.Id, text, _snapshot));
        return this;
    }

    public CommitBuilder Schedule(string key, DateTimeOffset dueAt)
    {
        _timers.Add(new TimerChange(key, _snapshot.Id, dueAt));
        return this;
    }

    public CommitBuilder Cancel(string key)
    {
        _timers.Add(new TimerChange(key, _snapshot.Id, null));
        return this;
    }

    public CommitBuilder Completing(DueTimer timer)
    {
        _completed = timer;
        return this;
    }

    public CommitBuilder WithKey(string key)
    {
        _key = key;
        return this;
    }

    public CommitBuilder WithResult(string resultJson)
    {
        _result = resultJson;
        return this;
    }

    public IncidentCommit Build() =>
        new(_snapshot, _expectedVersion, [.. _events], [.. _messages], [.. _timers], _key ?? "cmd-" + Guid.NewGuid().ToString("N"), _result, _completed);
}
