using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

public sealed partial class IncidentBridge
{
    /// <summary>Post-mortem answers: each becomes a timeline entry and part of the snapshot's <see cref="Postmortem"/>.</summary>
    private static Refused? PostmortemAnswered(Command command, Change change)
    {
        var pm = change.Snapshot.Postmortem;
        var (updated, kind, text) = command switch
        {
            SetRootCause c => (pm with { Category = c.Category, RootCause = c.Text }, "root-cause", $"{c.Category.ToString().ToLowerInvariant()}: {c.Text}"),
            AddFollowUp c => (pm with { FollowUps = pm.FollowUps.Add(new FollowUp(c.Owner, c.Due, c.Text)) }, "follow-up",
                $"{c.Owner} by {c.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {c.Text}"),
            NoFollowUp c => (pm with { NoFollowUpReason = c.Reason }, "no-follow-up", c.Reason),
            AnswerPostmortem { Field: PostmortemField.Summary } c => (pm with { Summary = c.Text }, "postmortem-answer", "summary: " + c.Text),
            AnswerPostmortem { Field: PostmortemField.Contributing } c => (pm with { Contributing = pm.Contributing.Add(c.Text) }, "postmortem-answer", "contributing: " + c.Text),
            AnswerPostmortem { Field: PostmortemField.WentWell } c => (pm with { WentWell = pm.WentWell.Add(c.Text) }, "postmortem-answer", "went well: " + c.Text),
            AnswerPostmortem c => (pm with { Improve = pm.Improve.Add(c.Text) }, "postmortem-answer", "to improve: " + c.Text),
            _ => (pm, "", ""),
        };
        if (kind.Length == 0) return new Refused($"`{command.Verb}` does not change an incident.");
        change.Snapshot = change.Snapshot with { Postmortem = updated };
        change.Event(kind, text);
        change.Reply($"{change.Snapshot.Id} post-mortem: recorded {kind.Replace('-', ' ')}. `postmortem` shows the draft.");
        return null;
    }
}
