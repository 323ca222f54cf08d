using System.Globalization;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>The plain-text bodies of outbound messages (the card composer renders richer cards from the snapshot).</summary>
internal static class BridgeText
{
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "none";

    public static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Header(Incident i) => $"{i.Id} · {i.Severity.ToText()} · {i.Status.ToText()} · {i.Title}";

    public static string ImpactText(Incident i) =>
        $"{Percent(i.Impact.UsersShare)} of users, {Percent(i.Impact.FunctionShare)} of function, since {Time(i.Impact.StartedAt ?? i.DeclaredAt)}"
        + ((i.Impact.EndedAt ?? i.ResolvedAt) is { } ended ? $" until {Time(ended)}" : "");

    public static string StatusCard(Incident i) =>
        $"{Header(i)}\nService: {i.Service} · Commander: {i.Commander?.Name ?? "none"} · Next update: {Time(i.NextUpdateDue)}";

    public static string Acknowledgement(Incident i) =>
        $"{i.Id} acknowledged: we know about \"{i.Title}\" ({i.Service}, {i.Severity.ToText()}) and are working on it. " +
        $"Follow it in #{i.Channel}. Next update by {Time(i.NextUpdateDue)}.";

    /// <summary>The one phone-friendly stakeholder template of seed 001.</summary>
    public static string StakeholderUpdate(Incident i, string whatChanged) =>
        $"{i.Id}: {i.Title}\n" +
        $"Severity: {i.Severity.ToText()} · Status: {i.Status.ToText()}\n" +
        $"Impact: {ImpactText(i)}\n" +
        $"What changed: {whatChanged}\n" +
        $"Commander: {i.Commander?.Name ?? "none yet"}\n" +
        $"Next update: {Time(i.NextUpdateDue)}";

    public static string ServiceRestored(Incident i) =>
        $"Service restored: {i.Id} {i.Title} ({i.Service}) was resolved at {Time(i.ResolvedAt)}. {i.ResolutionSummary}";

    public static string PostmortemPrompt(Incident i) =>
        $"{i.Id} is resolved. Please answer the post-mortem: `postmortem summary <text>`, `impact --users <pct> --function <pct>`, " +
        "`rootcause <category> <text>` (software, hardware, operator, procedural, environmental, capacity, configuration, dependency, change), " +
        "`postmortem contributing <text>`, `postmortem went-well <text>`, `postmortem improve <text>`, " +
        "`followup <owner> <yyyy-mm-dd> <text>` (or `nofollowup <reason>`). `postmortem` shows the draft.";

    public static string Reminder(Incident i) =>
        $"A stakeholder update for {i.Id} is due ({i.Severity.ToText()}, {i.Status.ToText()}). Post one with `update <what changed>`.";
}
