using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Dispatch;

public enum DispatchOutcome
{
    /// <summary>Accepted and committed (or a query answered, or a duplicate answered with the first result).</summary>
    Ok,
    /// <summary>A product rule refused the command; nothing changed.</summary>
    Refused,
    /// <summary>The text is not a valid command; nothing changed. <see cref="DispatchResult.Usage"/> has the usage line.</summary>
    Invalid,
    /// <summary>The named or implied incident does not exist.</summary>
    NotFound,
}

/// <summary>The answer to one command, the same for every surface.</summary>
public sealed record DispatchResult(
    DispatchOutcome Outcome,
    IncidentId? Incident,
    IReadOnlyList<Reply> Replies,
    string? Error = null,
    string? Usage = null,
    bool Duplicate = false)
{
    public static DispatchResult Invalid(string error, string? usage) => new(DispatchOutcome.Invalid, null, [], error, usage);

    public static DispatchResult NotFound(string error) => new(DispatchOutcome.NotFound, null, [], error);

    public static DispatchResult Refused(IncidentId id, string reason) => new(DispatchOutcome.Refused, id, [], reason);
}
