using System.Text;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Status;

internal static partial class StatusHtml
{
    /// <summary>Timeline kinds stakeholders care about: lifecycle moves and posted updates, not notes or roles.</summary>
    private static readonly HashSet<string> StakeholderKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "declared", "acknowledged", "status-changed", "severity-changed", "update", "impact",
        "resolved", "reopened", "handed-off", "cancelled", "closed",
    };

    public static string Detail(Incident incident, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset now)
    {
        var html = new StringBuilder();
        var impact = incident.Impact;
        html.Append($"""
            <p class="back"><a href="/status">← All incidents</a></p>
            <section class="detail" data-incident="{incident.Id}">
              <h1><span class="id">{incident.Id}</span> {E(incident.Title)}</h1>
              <div class="meta">{SeverityBadge(incident.Severity)} {StatusBadge(incident.Status)} <span class="service">{E(incident.Service)}</span></div>
              {(incident.LastUpdate is { } last ? $"<p class=\"update\">{E(last)}</p>" : "")}
              <dl class="facts">
                <div><dt>Declared</dt><dd>{Time(incident.DeclaredAt)}</dd></div>
                <div><dt>Last update</dt><dd>{Time(incident.LastUpdateAt ?? incident.DeclaredAt)}</dd></div>
                <div><dt>Next update</dt><dd>{(incident.Status.IsOpen() ? Time(incident.NextUpdateDue) : "<span class=\"muted\">none</span>")}</dd></div>
                <div><dt>Commander</dt><dd>{E(incident.Commander?.Name ?? "not assigned yet")}</dd></div>
                <div><dt>Impact started</dt><dd>{Time(impact.StartedAt ?? incident.DeclaredAt)}</dd></div>
                <div><dt>Impact ended</dt><dd>{Time(impact.EndedAt ?? incident.ResolvedAt)}</dd></div>
                <div><dt>Users affected</dt><dd>{Percent(impact.UsersShare)}</dd></div>
                <div><dt>Function lost</dt><dd>{Percent(impact.FunctionShare)}</dd></div>
              </dl>
              {(incident.ResolutionSummary is { } summary ? $"<p class=\"resolution\"><strong>Resolution:</strong> {E(summary)}</p>" : "")}
            </section>
            <h2>Updates</h2>
            <ol class="updates">
            """);
        foreach (var entry in timeline.Where(e => StakeholderKinds.Contains(e.Kind)).Reverse())
        {
            html.Append($"""<li><div class="when">{Time(entry.At)}</div><div class="what">{E(entry.Text)}</div></li>""");
        }
        html.Append($"""</ol><p class="muted small">Page generated {Time(now)}.</p>""");
        return html.ToString();
    }
}
