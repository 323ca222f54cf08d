using System.Globalization;
using System.Net;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Status;

/// <summary>HTML of the status page. Every value is encoded; times are UTC in markup and local in the browser.</summary>
internal static partial class StatusHtml
{
    public static string Page(string title, string main) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="color-scheme" content="light dark">
          <title>{{E(title)}} · ChatOps status</title>
          <link rel="stylesheet" href="/status.css">
        </head>
        <body>
          <header class="top">
            <a class="brand" href="/status"><span class="logo">◆</span> ChatOps status</a>
            <span class="live" id="live" title="Live updates">live</span>
          </header>
          <main id="status-main">{{main}}</main>
          <footer>Updates appear here as the incident team posts them. <a href="/">Open the console</a></footer>
          <script src="/status.js"></script>
        </body>
        </html>
        """;

    public static string NotFound(string id) =>
        $"""<section class="banner"><h1>No incident {E(id)}</h1><p><a href="/status">See all current incidents</a></p></section>""";

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    internal static string Time(DateTimeOffset? at) => at is { } t
        ? $"""<time datetime="{t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}">{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC</time>"""
        : "<span class=\"muted\">—</span>";

    internal static string SeverityBadge(Severity severity) =>
        $"""<span class="badge sev sev{(int)severity}" title="{E(severity.Definition())}">{severity.ToText()}</span>""";

    internal static string StatusBadge(IncidentStatus status) =>
        $"""<span class="badge status st-{status.ToText()}">{E(status.ToText())}</span>""";

    internal static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
