using System.Globalization;
using System.Text;
using ChatOps.Core.Availability;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Postmortems;

/// <summary>The post-mortem draft in Markdown, generated from the snapshot and the timeline (never stored on its own).</summary>
public static partial class PostmortemDraft
{
    public const string NotAnswered = "_not answered yet_";

    public static string Render(Incident incident, IReadOnlyList<TimelineEntry> timeline)
    {
        var pm = incident.Postmortem;
        var md = new StringBuilder();
        md.Append("# ").Append(incident.Id.ToString()).Append(": ").AppendLine(Inline(incident.Title)).AppendLine();
        AppendFacts(md, incident);

        Section(md, "Summary", pm.Summary ?? incident.ResolutionSummary);
        Section(md, "Impact", ImpactText(incident));
        Section(md, "Root cause", pm.HasRootCause ? $"**{pm.Category!.Value.ToString().ToLowerInvariant()}**: {pm.RootCause}" : null);
        List(md, "Contributing factors", pm.Contributing);
        List(md, "What went well", pm.WentWell);
        List(md, "What to improve", pm.Improve);
        AppendFollowUps(md, pm);
        AppendTimeline(md, timeline);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void AppendFacts(StringBuilder md, Incident incident)
    {
        var end = incident.ResolvedAt ?? incident.ClosedAt;
        md.AppendLine("| | |").AppendLine("|---|---|")
            .Append("| Service | ").Append(Cell(incident.Service)).AppendLine(" |")
            .Append("| Severity | ").Append(incident.Severity.ToText()).AppendLine(" |")
            .Append("| Status | ").Append(incident.Status.ToText()).AppendLine(" |")
            .Append("| Commander | ").Append(Cell(incident.Commander?.Name ?? "none")).AppendLine(" |")
            .Append("| Declared | ").Append(Time(incident.DeclaredAt)).AppendLine(" |")
            .Append("| Duration | ").Append(end is { } e ? Minutes(e - incident.DeclaredAt) : "still open").AppendLine(" |")
            .Append("| Time to acknowledge | ").Append(incident.AcknowledgedAt is { } a ? Minutes(a - incident.DeclaredAt) : "not acknowledged").AppendLine(" |")
            .Append("| Time to resolve | ").Append(incident.ResolvedAt is { } r ? Minutes(r - incident.DeclaredAt) : "not resolved").AppendLine(" |")
            .Append("| Adjusted outage minutes | ").Append(AdjustedMinutes(incident)).AppendLine(" |")
            .AppendLine();
    }

    private static string AdjustedMinutes(Incident incident)
    {
        var (start, end) = AvailabilityMath.ImpactWindow(incident, incident.ResolvedAt ?? incident.ClosedAt ?? incident.DeclaredAt);
        if (incident.Impact.EndedAt is null && incident.ResolvedAt is null) return "not known until resolved";
        return AvailabilityMath.AdjustedOutageMinutes(end - start, incident.Impact.UsersShare, incident.Impact.FunctionShare)
            .ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string ImpactText(Incident incident)
    {
        var impact = incident.Impact;
        var (start, _) = AvailabilityMath.ImpactWindow(incident, incident.DeclaredAt);
        var end = impact.EndedAt ?? incident.ResolvedAt;
        return $"{Percent(impact.UsersShare)} of users, {Percent(impact.FunctionShare)} of function, from {Time(start)} to {(end is { } e ? Time(e) : "(ongoing)")}.";
    }
}
