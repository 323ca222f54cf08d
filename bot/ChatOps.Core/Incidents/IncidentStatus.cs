namespace ChatOps.Core.Incidents;

/// <summary>The lifecycle states of an incident bridge; <see cref="IncidentStatusText"/> gives their wire names.</summary>
public enum IncidentStatus
{
    Declared,
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Closed,
    HandedOff,
    Cancelled,
}

public static class IncidentStatusText
{
    public static string ToText(this IncidentStatus status) => status switch
    {
        IncidentStatus.HandedOff => "handed-off",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out IncidentStatus status)
    {
        foreach (var candidate in Enum.GetValues<IncidentStatus>())
        {
            if (string.Equals(candidate.ToText(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Open means the bridge still needs people: anything before resolved, plus hand-off (a fix is pending).</summary>
    public static bool IsOpen(this IncidentStatus status) =>
        status is IncidentStatus.Declared or IncidentStatus.Investigating or IncidentStatus.Identified
            or IncidentStatus.Monitoring or IncidentStatus.HandedOff;
}
