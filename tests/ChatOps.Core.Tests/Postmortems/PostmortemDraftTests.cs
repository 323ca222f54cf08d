using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Postmortems;
using ChatOps.Core.Tests.Support;
using static ChatOps.Core.Tests.Support.BridgeFixture;

namespace ChatOps.Core.Tests.Postmortems;

public sealed class PostmortemDraftTests
{
    private readonly BridgeFixture _f = new();
    private readonly List<TimelineEntry> _timeline = [];

    private Incident Run(Incident? incident, Actor actor, string line)
    {
        var accepted = Assert.IsType<Accepted>(_f.Run(incident, line, actor));
        _timeline.AddRange(accepted.Events.Select((e, i) => e with { Sequence = _timeline.Count + i + 1 }));
        return accepted.Snapshot;
    }

    [Fact]
    public void Draft_HasFactsAnswersFollowUpsAndTheWholeTimeline()
    {
        var incident = Run(null, Alice, "declare Checkout returns 500 --sev 2 --service payments");
        _f.Clock.Advance(TimeSpan.FromMinutes(4));
        incident = Run(incident, Bob, "ack");
        incident = Run(incident, Bob, "impact --users 10 --function 20%");
        _f.Clock.Advance(TimeSpan.FromMinutes(56));
        incident = Run(incident, Bob, "resolve rolled back release 42");
        incident = Run(incident, Bob, "rootcause change release 42 | broke card validation");
        incident = Run(incident, Bob, "postmortem contributing no canary");
        incident = Run(incident, Bob, "postmortem went-well rollback took 2 minutes");
        incident = Run(incident, Bob, "followup @dana 2026-04-01 add a canary stage");

        var md = PostmortemDraft.Render(incident, _timeline);

        Assert.StartsWith("# INC-7: Checkout returns 500", md, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "| Service | payments |", "| Severity | SEV2 |", "| Status | resolved |", "| Commander | Bob |",
            "| Duration | 60 min |", "| Time to acknowledge | 4 min |", "| Time to resolve | 60 min |", "| Adjusted outage minutes | 1.2 |",
            "10% of users, 20% of function", "rolled back release 42", "**change**: release 42 | broke card validation",
            "- no canary", "- rollback took 2 minutes", "| dana | 2026-04-01 | add a canary stage |",
        })
            Assert.Contains(expected, md, StringComparison.Ordinal);
        Assert.Contains("## What to improve\n\n" + PostmortemDraft.NotAnswered, md, StringComparison.Ordinal);
        foreach (var kind in new[] { "declared", "acknowledged", "role-assigned", "impact", "resolved", "root-cause", "postmortem-answer", "follow-up" })
            Assert.Contains($"| {kind} |", md, StringComparison.Ordinal);
        Assert.Contains("release 42 \\| broke card validation", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_OfFreshIncident_MarksEveryAnswerAsNotAnsweredYet()
    {
        var incident = Run(null, Alice, "declare Slow search --service search");

        var md = PostmortemDraft.Render(incident, _timeline);

        Assert.Contains("| Duration | still open |", md, StringComparison.Ordinal);
        Assert.Contains("| Time to acknowledge | not acknowledged |", md, StringComparison.Ordinal);
        foreach (var heading in new[] { "Summary", "Root cause", "Contributing factors", "What went well", "What to improve", "Follow-up actions" })
            Assert.Contains($"## {heading}\n\n{PostmortemDraft.NotAnswered}", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_ShowsNoFollowUpReason()
    {
        var incident = Run(null, Alice, "declare Blip");
        incident = Run(incident, Alice, "nofollowup caused by a one-off provider outage");

        Assert.Contains("No follow-up needed: caused by a one-off provider outage", PostmortemDraft.Render(incident, _timeline), StringComparison.Ordinal);
    }
}
