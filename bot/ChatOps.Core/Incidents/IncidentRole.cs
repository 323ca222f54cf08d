namespace ChatOps.Core.Incidents;

public enum IncidentRole
{
    Commander,
    Comms,
    Scribe,
    Ops,
}

public static class IncidentRoleText
{
    public static string ToText(this IncidentRole role) => role switch
    {
        IncidentRole.Commander => "ic",
        _ => role.ToString().ToLowerInvariant(),
    };

    public static string Title(this IncidentRole role) => role switch
    {
        IncidentRole.Commander => "Incident commander",
        IncidentRole.Comms => "Comms lead",
        IncidentRole.Scribe => "Scribe",
        _ => "Ops / subject expert",
    };

    public static bool TryParse(string? text, out IncidentRole role)
    {
        role = default;
        switch (text?.ToLowerInvariant())
        {
            case "ic" or "commander" or "lead": role = IncidentRole.Commander; return true;
            case "comms": role = IncidentRole.Comms; return true;
            case "scribe": role = IncidentRole.Scribe; return true;
            case "ops" or "sme" or "expert": role = IncidentRole.Ops; return true;
            default: return false;
        }
    }
}
