using System.Globalization;
using System.Text;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Postmortems;

public static partial class PostmortemDraft
{
    private static void Section(StringBuilder md, string heading, string? text) =>
        md.Append("## ").AppendLine(heading).AppendLine().AppendLine(string.IsNullOrWhiteSpace(text) ? NotAnswered : text).AppendLine();

    private static void List(StringBuilder md, string heading, IReadOnlyList<string> items)
    {
        md.Append("## ").AppendLine(heading).AppendLine();
        if (items.Count == 0) md.AppendLine(NotAnswered);
        foreach (var item in items) md.Append("- ").AppendLine(Inline(item));
        md.AppendLine();
    }

    private static void AppendFollowUps(StringBuilder md, Postmortem pm)
    {
        md.AppendLine("## Follow-up actions").AppendLine();
        if (pm.FollowUps.Count > 0)
        {
            md.AppendLine("| Owner | Due | Action |").AppendLine("|---|---|---|");
            foreach (var f in pm.FollowUps)
                md.Append("| ").Append(Cell(f.Owner)).Append(" | ").Append(f.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Cell(f.Text)).AppendLine(" |");
        }
        if (!string.IsNullOrWhiteSpace(pm.NoFollowUpReason))
            md.Append(pm.FollowUps.Count > 0 ? "\n" : "").Append("No follow-up needed: ").AppendLine(Inline(pm.NoFollowUpReason));
        if (pm.FollowUps.Count == 0 && string.IsNullOrWhiteSpace(pm.NoFollowUpReason)) md.AppendLine(NotAnswered);
        md.AppendLine();
    }

    private static void AppendTimeline(StringBuilder md, IReadOnlyList<TimelineEntry> timeline)
    {
        md.AppendLine("## Timeline").AppendLine();
        if (timeline.Count == 0)
        {
            md.AppendLine("_no events yet_");
            return;
        }
        md.AppendLine("| Time (UTC) | Who | What | Details | Via |").AppendLine("|---|---|---|---|---|");
        foreach (var e in timeline)
            md.Append("| ").Append(Time(e.At)).Append(" | ").Append(Cell(e.Actor.Name)).Append(" | ").Append(Cell(e.Kind))
                .Append(" | ").Append(Cell(e.Text)).Append(" | ").Append(Cell(e.Surface)).AppendLine(" |");
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Keeps user text on one line so it cannot break the Markdown structure.</summary>
    private static string Inline(string text) => text.ReplaceLineEndings(" ");

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
