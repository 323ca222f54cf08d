using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

/// <summary>
/// A parsed command of the one command language. <see cref="Target"/> is the <c>INC-n</c> named right after
/// the verb, if any; otherwise the channel implies the incident.
/// </summary>
public abstract record Command
{
    public IncidentId? Target { get; init; }

    /// <summary>The verb as typed in the language (<c>declare</c>, <c>ack</c>, ...).</summary>
    public abstract string Verb { get; }

    /// <summary>Queries read and never change anything, so they are not timeline events.</summary>
    public virtual bool IsQuery => false;
}

/// <summary>A point in time as typed: absolute (ISO 8601) or relative to now (<c>-90m</c>).</summary>
public sealed record TimeSpec(DateTimeOffset? Absolute, TimeSpan? Relative)
{
    public DateTimeOffset Resolve(DateTimeOffset now) => Absolute ?? now + (Relative ?? TimeSpan.Zero);
}
