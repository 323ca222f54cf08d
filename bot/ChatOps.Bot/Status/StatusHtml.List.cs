using System.Text;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Status;

internal static partial class StatusHtml
{
    public static string List(IReadOnlyList<Incident> open, IReadOnlyList<Incident> recent, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append(open.Count == 0
            ? """<section class="banner ok"><h1>All systems operational</h1><p>No open incidents.</p></section>"""
            : $"""<section class="banner bad"><h1>{open.Count} open incident{(open.Count == 1 ? "" : "s")}</h1><p>The incident team is on it. Select an incident for its updates.</p></section>""");

        if (open.Count > 0)
        {
            html.Append("""<h2>Open incidents</h2><ul class="incidents">""");
            foreach (var incident in open) html.Append(OpenItem(incident, now));
            html.Append("</ul>");
        }
        if (recent.Count > 0)
        {
            html.Append("""<h2>Recently resolved</h2><ul class="incidents resolved">""");
            foreach (var incident in recent)
            {
                html.Append($"""
                    <li class="incident" data-incident="{incident.Id}">
                      <a href="/status/{incident.Id}"><span class="id">{incident.Id}</span> {E(incident.Title)}</a>
                      <div class="meta">{StatusBadge(incident.Status)} <span>{E(incident.Service)}</span> <span>resolved {Time(incident.ResolvedAt)}</span></div>
                    </li>
                    """);
            }
            html.Append("</ul>");
        }
        html.Append($"""<p class="muted small">Page generated {Time(now)}.</p>""");
        return html.ToString();
    }

    private static string OpenItem(Incident incident, DateTimeOffset now)
    {
        var overdue = incident.NextUpdateDue is { } due && due < now;
        return $"""
            <li class="incident sevline{(int)incident.Severity}" data-incident="{incident.Id}">
              <a href="/status/{incident.Id}"><span class="id">{incident.Id}</span> {E(incident.Title)}</a>
              <div class="meta">{SeverityBadge(incident.Severity)} {StatusBadge(incident.Status)} <span class="service">{E(incident.Service)}</span></div>
              <p class="update">{(incident.LastUpdate is { } text ? E(text) : "<span class=\"muted\">No update posted yet.</span>")}</p>
              <dl class="times">
                <div><dt>Last update</dt><dd>{Time(incident.LastUpdateAt ?? incident.DeclaredAt)}</dd></div>
                <div><dt>Next update</dt><dd class="{(overdue ? "overdue" : "")}">{Time(incident.NextUpdateDue)}</dd></div>
              </dl>
            </li>
            """;
    }
}
