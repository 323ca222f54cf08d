namespace ChatOps.Core.Incidents;

/// <summary>SEV1 is the worst. Definitions (seed 004) live in <see cref="SeverityText.Definition"/>.</summary>
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}

public static class SeverityText
{
    public static string ToText(this Severity severity) => "SEV" + (int)severity;

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var digits = text.StartsWith("sev", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 4) return false;
        severity = (Severity)n;
        return true;
    }

    public static string Definition(this Severity severity) => severity switch
    {
        Severity.Sev1 => "service down for many users: completely non-operational; urgent, immediate triage",
        Severity.Sev2 => "service degraded: operating, but behaviour changed from a known state; urgent, immediate triage",
        Severity.Sev3 => "limited impact: a part of the service or a few users affected, a workaround exists",
        _ => "artifacts only: service works, defects found; hand-off for repair in the owning team's tracker",
    };
}
