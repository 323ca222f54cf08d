using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>Configuration section <c>Bridge</c>. Defaults match appsettings.json.</summary>
public sealed class BridgeSettings
{
    public UpdateCadence UpdateCadence { get; set; } = new();
    public int DefaultSeverity { get; set; } = 3;
    /// <summary>Incident channels are named <c>{prefix}-{n}-{slug}</c>.</summary>
    public string IncidentChannelPrefix { get; set; } = "inc";
}

/// <summary>How often stakeholders expect an update; null means no reminders.</summary>
public sealed class UpdateCadence
{
    public TimeSpan? Sev1 { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan? Sev2 { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan? Sev3 { get; set; } = TimeSpan.FromMinutes(60);
    public TimeSpan? Sev4 { get; set; }
    public TimeSpan? HandedOff { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan? For(Severity severity, IncidentStatus status)
    {
        if (status == IncidentStatus.HandedOff) return HandedOff;
        if (!status.IsOpen()) return null;
        return severity switch
        {
            Severity.Sev1 => Sev1,
            Severity.Sev2 => Sev2,
            Severity.Sev3 => Sev3,
            _ => Sev4,
        };
    }
}
