using ChatOps.Adapters.Slack.Modals;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;
using ChatOps.Cards.Rendering;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Modals;

public sealed class ModalTests
{
    private static Dictionary<string, string> Values(params (string Id, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Id, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void Declare_WithTitleSeverityServiceAndDescription_IsADeclareThenANoteOnTheNewIncident()
    {
        var outcome = ModalSubmissions.Declare(Values(("title", "Checkout \"down\""), ("severity", "SEV2"), ("service", "payments"), ("description", "500s on /pay")));

        Assert.True(outcome.IsValid);
        Assert.Equal(["declare \"Checkout 'down'\" --sev SEV2 --service payments", "note {incident} 500s on /pay"], outcome.Commands);
        var declare = Assert.IsType<DeclareIncident>(CommandParser.Parse(outcome.Commands[0]).Command);
        Assert.Equal(("Checkout 'down'", Severity.Sev2, "payments"), (declare.Title, declare.Severity, declare.Service));
    }

    [Fact]
    public void Declare_WithoutTitle_ReturnsAFieldErrorAndNoCommand()
    {
        var outcome = ModalSubmissions.Declare(Values(("title", "  "), ("severity", "SEV9")));

        Assert.Empty(outcome.Commands);
        Assert.Equal(["severity", "title"], outcome.Errors.Keys.Order());
    }

    [Fact]
    public void UpdateModal_IsTheStakeholderUpdate_AndNeedsText()
    {
        var empty = ModalSubmissions.ForVerb(CardVerbs.Update, "INC-7", Values());
        var filled = ModalSubmissions.ForVerb(CardVerbs.Update, "INC-7", Values((CardVerbs.Inputs.Text, "Rolled back\nerrors falling")));

        Assert.Contains(CardVerbs.Inputs.Text, empty.Errors.Keys);
        Assert.Equal(["update INC-7 Rolled back errors falling"], filled.Commands);
        Assert.Equal("Stakeholder update", (string?)BlockKitRenderer.Modal(SlackModals.ForVerb(CardVerbs.Update, "INC-7", new ModalContext("INC-7", "C1")))["title"]!["text"]);
    }

    [Fact]
    public void Postmortem_BadPercentHalfAFollowUpAndCategoryWithoutCause_AreFieldErrors()
    {
        var outcome = ModalSubmissions.Postmortem("INC-7", Values(
            (CardVerbs.Inputs.UsersPercent, "140"),
            (CardVerbs.Inputs.FollowUpOwner, "dana"),
            (CardVerbs.Inputs.FollowUpDue, "next week"),
            (CardVerbs.Inputs.Category, "software")));

        Assert.Empty(outcome.Commands);
        string[] expected = [CardVerbs.Inputs.FollowUpDue, CardVerbs.Inputs.FollowUpText, CardVerbs.Inputs.UsersPercent, CardVerbs.Inputs.RootCause];
        Assert.Equal(expected.Order(StringComparer.Ordinal), outcome.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Postmortem_Complete_BecomesOneParsableCommandPerAnswer()
    {
        var outcome = ModalSubmissions.Postmortem("INC-7", Values(
            (CardVerbs.Inputs.Summary, "Bad config"),
            (CardVerbs.Inputs.UsersPercent, "10"),
            (CardVerbs.Inputs.Category, "configuration"),
            (CardVerbs.Inputs.RootCause, "Timeout set to 0"),
            (CardVerbs.Inputs.FollowUpOwner, "dana"),
            (CardVerbs.Inputs.FollowUpDue, "2026-12-01"),
            (CardVerbs.Inputs.FollowUpText, "Validate timeouts in CI")));

        Assert.True(outcome.IsValid, string.Join(", ", outcome.Errors));
        Assert.Equal(4, outcome.Commands.Count);
        Assert.All(outcome.Commands, c => Assert.True(CommandParser.Parse(c).IsSuccess, c));
    }

    [Fact]
    public void Postmortem_Empty_AsksForAnAnswer()
    {
        Assert.Contains(CardVerbs.Inputs.Summary, ModalSubmissions.Postmortem("INC-7", Values()).Errors.Keys);
    }

    [Fact]
    public void Modals_StayWithinSlacksLimits_AndRoundTripTheirContext()
    {
        var context = new ModalContext("INC-7", "C111", Private: true);
        var modals = new[]
        {
            SlackModals.Declare(["payments", "search", "general"], 3, context),
            SlackModals.ForVerb(CardVerbs.Resolve, "INC-7", context),
            SlackModals.Postmortem(CardFixtures.At(IncidentStatus.Resolved, Severity.Sev1), context),
        };

        foreach (var modal in modals)
        {
            var view = BlockKitRenderer.Modal(modal);
            Assert.Empty(BlockKitLimitCheck.Modal(view));
            Assert.Equal(context, ModalContext.Decode((string)view["private_metadata"]!));
        }
        Assert.Equal(new ModalContext(null, "C9"), ModalContext.Decode(new ModalContext(null, "C9").Encode()));
    }
}
