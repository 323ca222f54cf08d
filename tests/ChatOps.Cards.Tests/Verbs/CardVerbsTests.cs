using static ChatOps.Cards.CardVerbs;

namespace ChatOps.Cards.Tests.Verbs;

public sealed class CardVerbsTests
{
    private static readonly Dictionary<string, string> NoInputs = [];

    [Theory]
    [InlineData(Acknowledge, "ack INC-7")]
    [InlineData(Join, "note INC-7 joined the bridge")]
    [InlineData(StatusInvestigating, "status INC-7 investigating")]
    [InlineData(StatusIdentified, "status INC-7 identified")]
    [InlineData(StatusMonitoring, "status INC-7 monitoring")]
    [InlineData(Validate, "validate INC-7")]
    [InlineData(Close, "close INC-7")]
    [InlineData(PostmortemDraft, "postmortem INC-7")]
    [InlineData(Timeline, "timeline INC-7")]
    [InlineData(Refresh, "summary INC-7")]
    public void VerbWithoutInputs_MapsToOneCommand(string verb, string expected)
    {
        Assert.Equal([expected], ToCommandTexts(verb, "INC-7", NoInputs));
    }

    [Theory]
    [InlineData(Update, "update INC-7 DB failover done")]
    [InlineData(Note, "note INC-7 DB failover done")]
    [InlineData(Resolve, "resolve INC-7 DB failover done")]
    [InlineData(Reopen, "reopen INC-7 DB failover done")]
    [InlineData(Cancel, "cancel INC-7 DB failover done")]
    [InlineData(HandOff, "handoff INC-7 DB failover done")]
    public void TextVerb_AppendsTheTextInputOnOneLine(string verb, string expected)
    {
        var inputs = new Dictionary<string, string> { [Inputs.Text] = "  DB failover\r\n done " };

        Assert.Equal([expected], ToCommandTexts(verb, "INC-7", inputs));
        Assert.True(TakesText(verb));
    }

    [Fact]
    public void TextVerb_WithoutText_StillMapsSoTheParserExplainsWhatIsMissing()
    {
        Assert.Equal(["resolve INC-7"], ToCommandTexts(Resolve, "INC-7", NoInputs));
    }

    [Fact]
    public void UnknownVerb_MapsToNothing()
    {
        Assert.Empty(ToCommandTexts("delete-everything", "INC-7", NoInputs));
    }

    [Fact]
    public void PostmortemSubmit_SendsOneCommandPerAnswer_InPromptOrder()
    {
        var inputs = new Dictionary<string, string>
        {
            [Inputs.Summary] = "Bad deploy",
            [Inputs.UsersPercent] = "10",
            [Inputs.FunctionPercent] = "20",
            [Inputs.ImpactNote] = "Checkout failed for EU",
            [Inputs.Category] = "software",
            [Inputs.RootCause] = "Timeout set to 0",
            [Inputs.Contributing] = "No canary",
            [Inputs.WentWell] = "Fast rollback",
            [Inputs.Improve] = "Alert earlier",
            [Inputs.FollowUpOwner] = "alice",
            [Inputs.FollowUpDue] = "2026-12-01",
            [Inputs.FollowUpText] = "Add a canary stage",
            [Inputs.NoFollowUpReason] = "",
        };

        Assert.Equal(
            [
                "postmortem INC-7 summary Bad deploy",
                "impact INC-7 --users 10 --function 20",
                "note INC-7 Impact: Checkout failed for EU",
                "rootcause INC-7 software Timeout set to 0",
                "postmortem INC-7 contributing No canary",
                "postmortem INC-7 went-well Fast rollback",
                "postmortem INC-7 improve Alert earlier",
                "followup INC-7 alice 2026-12-01 Add a canary stage",
            ],
            ToCommandTexts(PostmortemSubmit, "INC-7", inputs));
    }

    [Fact]
    public void PostmortemSubmit_SkipsBlankAnswers()
    {
        var inputs = new Dictionary<string, string>
        {
            [Inputs.Summary] = " ",
            [Inputs.FunctionPercent] = "50",
            [Inputs.NoFollowUpReason] = "One-off hardware fault",
        };

        Assert.Equal(
            ["impact INC-7 --function 50", "nofollowup INC-7 One-off hardware fault"],
            ToCommandTexts(PostmortemSubmit, "INC-7", inputs));
    }

    [Fact]
    public void PostmortemSubmit_WithNothingAnswered_SendsNothing()
    {
        Assert.Empty(ToCommandTexts(PostmortemSubmit, "INC-7", NoInputs));
    }

    [Fact]
    public void Registry_HasUniqueVerbsAndInputIdsThatDoNotCollideWithDataKeys()
    {
        Assert.Equal(All.Count, All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var inputIds = typeof(Inputs).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(inputIds.Count, inputIds.Distinct().Count());
        Assert.DoesNotContain(VerbKey, inputIds);
        Assert.DoesNotContain(IncidentKey, inputIds);
    }
}
