using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

internal enum CardTone
{
    Neutral,
    Urgent,
    Warning,
    Good,
}

internal sealed record CardFact(string Label, string Value);

/// <summary>
/// The words of a card in reading order, shared by the Adaptive Card and the text renderer so both always
/// say the same thing: a kicker (what kind of message), the id and title, a status line, paragraphs, facts.
/// </summary>
internal sealed record CardContent(
    string Kicker,
    string StatusLine,
    CardTone Tone,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<CardFact> Facts)
{
    public static CardContent Of(CardView view) => view switch
    {
        StatusCardView v => new("Incident status", Status(v.Severity, v.Status), ToneOf(v.Severity, v.Status),
            Lines(v.LastUpdate is null ? null : $"Latest: {v.LastUpdate}"),
            FactsOf(("Service", v.Service), ("Commander", v.Commander))
                .Concat(v.OtherRoles.Select(r => new CardFact(r.Role, r.Person)))
                .Concat(FactsOf(("Impact", v.Impact), ("Last update", v.LastUpdateAt), ("Next update due", v.NextUpdateDue),
                    ("Declared", v.DeclaredAt), ("Channel", v.Channel))).ToList()),
        AcknowledgementView v => new("Incident declared", Status(v.Severity, v.Status), ToneOf(v.Severity, v.Status),
            Lines(v.Message),
            FactsOf(("Service", v.Service), ("Declared", $"{v.DeclaredAt} by {v.DeclaredBy}"), ("Follow in", v.Channel),
                ("Next update due", v.NextUpdateDue))),
        StakeholderUpdateView v => new("Stakeholder update", Status(v.Severity, v.Status), ToneOf(v.Severity, v.Status),
            Lines(),
            FactsOf(("Impact", v.Impact), ("What changed", v.WhatChanged), ("Commander", v.Commander),
                ("Next update", v.NextUpdate), ("Posted", v.PostedAt))),
        ServiceRestoredView v => new("Service restored", $"{v.Severity} · service restored", CardTone.Good,
            Lines(v.Summary),
            FactsOf(("Service", v.Service), ("Restored", v.RestoredAt), ("Duration", v.Duration), ("Impact", v.Impact),
                ("Commander", v.Commander))),
        ReminderView v => new("Update due", Status(v.Severity, v.Status), CardTone.Warning,
            Lines(v.Message),
            FactsOf(("Due", v.DueAt), ("Last update", v.LastUpdateAt ?? "none yet"), ("Commander", v.Commander))),
        PostmortemPromptView v => new("Post-mortem", $"{v.Severity} · {v.Service}", CardTone.Neutral,
            Lines(v.Message, v.StillNeeded.Count == 0 ? null : "Needed before closing: " + string.Join("; ", v.StillNeeded) + "."),
            FactsOf(("Duration", v.Duration))),
        NoticeView v => new("Incident notice", Status(v.Severity, v.Status), ToneOf(v.Severity, v.Status),
            Lines(v.Message), []),
        _ => new("Incident", "", CardTone.Neutral, [], []),
    };

    private static string Status(string severity, string status) => $"{severity} · {status}";

    private static CardTone ToneOf(string severity, string status) => status switch
    {
        "resolved" or "closed" => CardTone.Good,
        "cancelled" => CardTone.Neutral,
        _ => severity is "SEV1" or "SEV2" ? CardTone.Urgent : CardTone.Warning,
    };

    private static List<string> Lines(params string?[] lines) => [.. lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!)];

    private static List<CardFact> FactsOf(params (string Label, string? Value)[] facts) =>
        [.. facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new CardFact(f.Label, f.Value!))];
}
