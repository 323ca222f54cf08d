using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using static ChatOps.Cards.CardVerbs;

namespace ChatOps.Cards.Tests.Verbs;

/// <summary>A button is only as good as the command it becomes: every mapped text must parse to the intended command.</summary>
public sealed class CardVerbsParseTests
{
    private static readonly Dictionary<string, string> WithText = new() { [Inputs.Text] = "Failover done" };

    [Theory]
    [InlineData(CardVerbs.Acknowledge, typeof(Acknowledge))]
    [InlineData(Join, typeof(AddNote))]
    [InlineData(StatusInvestigating, typeof(ChangeStatus))]
    [InlineData(StatusIdentified, typeof(ChangeStatus))]
    [InlineData(StatusMonitoring, typeof(ChangeStatus))]
    [InlineData(Update, typeof(PostUpdate))]
    [InlineData(Note, typeof(AddNote))]
    [InlineData(Resolve, typeof(ResolveIncident))]
    [InlineData(Validate, typeof(ValidateService))]
    [InlineData(Close, typeof(CloseIncident))]
    [InlineData(Reopen, typeof(ReopenIncident))]
    [InlineData(Cancel, typeof(CancelIncident))]
    [InlineData(CardVerbs.HandOff, typeof(HandOff))]
    [InlineData(PostmortemDraft, typeof(ShowPostmortem))]
    [InlineData(Timeline, typeof(ShowTimeline))]
    [InlineData(Refresh, typeof(ShowSummary))]
    public void Verb_ParsesToItsCommandForTheIncident(string verb, Type expected)
    {
        var result = CommandParser.Parse(Assert.Single(ToCommandTexts(verb, "INC-7", WithText)));

        Assert.True(result.IsSuccess, $"{verb}: {result.Error}");
        Assert.IsType(expected, result.Command);
        Assert.Equal(new IncidentId(7), result.Command!.Target);
    }

    [Fact]
    public void StatusVerbs_SetTheNamedStatus()
    {
        var command = CommandParser.Parse(ToCommandTexts(StatusMonitoring, "INC-7", WithText)[0]).Command;

        Assert.Equal(IncidentStatus.Monitoring, Assert.IsType<ChangeStatus>(command).Status);
    }

    [Fact]
    public void EveryVerbIsCoveredByTheParseTest()
    {
        var covered = typeof(CardVerbsParseTests).GetMethod(nameof(Verb_ParsesToItsCommandForTheIncident))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);

        Assert.Equal(All.Order(), covered.Append(PostmortemSubmit).Order());
    }

    [Fact]
    public void PostmortemSubmit_EveryAnswerParses()
    {
        var inputs = new Dictionary<string, string>
        {
            [Inputs.Summary] = "Bad deploy",
            [Inputs.UsersPercent] = "10",
            [Inputs.FunctionPercent] = "20",
            [Inputs.ImpactNote] = "EU checkout failed",
            [Inputs.Category] = "software",
            [Inputs.RootCause] = "Timeout set to 0",
            [Inputs.Contributing] = "No canary",
            [Inputs.WentWell] = "Fast rollback",
            [Inputs.Improve] = "Alert earlier",
            [Inputs.FollowUpOwner] = "alice",
            [Inputs.FollowUpDue] = "2026-12-01",
            [Inputs.FollowUpText] = "Add a canary stage",
            [Inputs.NoFollowUpReason] = "Nothing else to do",
        };

        var commands = ToCommandTexts(PostmortemSubmit, "INC-7", inputs).Select(CommandParser.Parse).ToList();

        Assert.All(commands, r => Assert.True(r.IsSuccess, r.Error));
        Assert.Equal(
            [typeof(AnswerPostmortem), typeof(SetImpact), typeof(AddNote), typeof(SetRootCause), typeof(AnswerPostmortem),
             typeof(AnswerPostmortem), typeof(AnswerPostmortem), typeof(AddFollowUp), typeof(NoFollowUp)],
            commands.Select(r => r.Command!.GetType()));
        var impact = Assert.IsType<SetImpact>(commands[1].Command);
        Assert.Equal((0.1m, 0.2m), (impact.UsersShare, impact.FunctionShare));
        Assert.Equal(new AddFollowUp("alice", new DateOnly(2026, 12, 1), "Add a canary stage") { Target = new IncidentId(7) }, commands[7].Command);
    }
}
