using ChatOps.Cards.Composition;
using ChatOps.Cards.Tests.Fixtures;
using ChatOps.Cards.Views;
using ChatOps.Core.Incidents;
using static ChatOps.Cards.CardVerbs;

namespace ChatOps.Cards.Tests.Composition;

public sealed class PostmortemPromptTests
{
    private static PostmortemPromptView Prompt(Incident incident) => CardComposer.PostmortemPrompt(incident, "");

    [Fact]
    public void Prompt_AsksEveryPostmortemQuestion()
    {
        var card = Prompt(Incidents.At(IncidentStatus.Resolved));

        Assert.Equal(
            [Inputs.Summary, Inputs.UsersPercent, Inputs.FunctionPercent, Inputs.ImpactNote, Inputs.Category, Inputs.RootCause,
             Inputs.Contributing, Inputs.WentWell, Inputs.Improve, Inputs.FollowUpOwner, Inputs.FollowUpDue, Inputs.FollowUpText,
             Inputs.NoFollowUpReason],
            card.Inputs.Select(i => i.Id));
        Assert.IsType<DateInput>(card.Inputs.Single(i => i.Id == Inputs.FollowUpDue));
        Assert.Equal([PostmortemSubmit, PostmortemDraft], card.Actions.Select(a => a.Verb));
    }

    [Fact]
    public void CategoryChoice_OffersEveryRootCauseCategory()
    {
        var choice = Assert.IsType<ChoiceInput>(Prompt(Incidents.At(IncidentStatus.Resolved)).Inputs.Single(i => i.Id == Inputs.Category));

        Assert.Equal(
            ["software", "hardware", "operator", "procedural", "environmental", "capacity", "configuration", "dependency", "change"],
            choice.Choices);
    }

    [Fact]
    public void Prompt_PrefillsWhatIsAlreadyKnown()
    {
        var card = Prompt(Incidents.At(IncidentStatus.Resolved));

        Assert.Equal("change", Assert.IsType<ChoiceInput>(card.Inputs.Single(i => i.Id == Inputs.Category)).Value);
        Assert.Equal("Deploy rolled back; checkout success rate back to normal.",
            Assert.IsType<TextInput>(card.Inputs.Single(i => i.Id == Inputs.Summary)).Value);
        Assert.Equal(10m, Assert.IsType<NumberInput>(card.Inputs.Single(i => i.Id == Inputs.UsersPercent)).Value);
    }

    [Fact]
    public void Prompt_ForSev1WithoutAnswers_SaysWhatClosingWillNeed()
    {
        var card = Prompt(Incidents.At(IncidentStatus.Resolved, Severity.Sev1) with { Postmortem = Postmortem.Empty });

        Assert.Equal(2, card.StillNeeded.Count);
    }

    [Fact]
    public void Prompt_ForSev3_NeedsNothingToClose()
    {
        var card = Prompt(Incidents.At(IncidentStatus.Resolved, Severity.Sev3) with { Postmortem = Postmortem.Empty });

        Assert.Empty(card.StillNeeded);
    }
}
