using ChatOps.Cards.Composition;
using ChatOps.Cards.Tests.Fixtures;
using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Tests.Composition;

public sealed class CardComposerActionTests
{
    [Theory]
    [InlineData(IncidentStatus.Declared, "ack,join,cancel")]
    [InlineData(IncidentStatus.Investigating, "update,status-identified,status-monitoring,resolve,join")]
    [InlineData(IncidentStatus.Identified, "update,status-investigating,status-monitoring,resolve,join")]
    [InlineData(IncidentStatus.Monitoring, "update,status-investigating,status-identified,resolve,join")]
    [InlineData(IncidentStatus.HandedOff, "update,resolve,reopen")]
    [InlineData(IncidentStatus.Resolved, "validate,close,reopen,postmortem-draft")]
    [InlineData(IncidentStatus.Closed, "reopen")]
    [InlineData(IncidentStatus.Cancelled, "reopen")]
    public void StatusCard_OffersTheNextStepsOfItsStatus(IncidentStatus status, string verbs)
    {
        var card = CardComposer.StatusCard(Incidents.At(status));

        Assert.Equal(verbs, string.Join(',', card.Actions.Select(a => a.Verb)));
    }

    [Theory]
    [InlineData(IncidentStatus.Declared, "ack")]
    [InlineData(IncidentStatus.Investigating, "update")]
    [InlineData(IncidentStatus.Monitoring, "update,resolve")]
    [InlineData(IncidentStatus.Resolved, "close")]
    [InlineData(IncidentStatus.Closed, "")]
    public void StatusCard_EmphasisesTheLikelyNextStep(IncidentStatus status, string primaryVerbs)
    {
        var card = CardComposer.StatusCard(Incidents.At(status));

        Assert.Equal(primaryVerbs, string.Join(',', card.Actions.Where(a => a.Primary).Select(a => a.Verb)));
    }

    [Fact]
    public void StatusCard_NeverChangesToTheStatusItAlreadyHas()
    {
        foreach (var status in new[] { IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring })
        {
            var card = CardComposer.StatusCard(Incidents.At(status));
            Assert.DoesNotContain(card.Actions, a => a.Verb == $"status-{status.ToText()}");
        }
    }

    [Theory]
    [InlineData(IncidentStatus.Declared)]
    [InlineData(IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    public void StatusCard_HasTheTextFieldExactlyWhenAButtonNeedsWords(IncidentStatus status)
    {
        var card = CardComposer.StatusCard(Incidents.At(status));

        Assert.Equal(card.Actions.Any(a => CardVerbs.TakesText(a.Verb)), card.Inputs.Any(i => i.Id == CardVerbs.Inputs.Text));
        Assert.All(card.Inputs, i => Assert.Equal(CardVerbs.Inputs.Text, i.Id));
    }

    [Fact]
    public void EveryComposedAction_UsesARegisteredVerb_AndFitsTheDefaultHostLimitOfFive()
    {
        foreach (var (name, view) in CardMatrix.All())
        {
            Assert.True(view.Actions.Count <= 5, $"{name} has {view.Actions.Count} actions");
            Assert.All(view.Actions, a => Assert.Contains(a.Verb, CardVerbs.All));
        }
    }

    [Theory]
    [InlineData(MessageKind.Acknowledgement)]
    [InlineData(MessageKind.StakeholderUpdate)]
    [InlineData(MessageKind.ServiceRestored)]
    [InlineData(MessageKind.Notice)]
    public void BroadcastCards_HaveNoButtons(MessageKind kind)
    {
        var card = CardComposer.Compose(kind, Incidents.At(IncidentStatus.Investigating), "text");

        Assert.Empty(card.Actions);
        Assert.Empty(card.Inputs);
    }

    [Fact]
    public void Reminder_OffersToPostTheUpdateWithItsText()
    {
        var card = CardComposer.Compose(MessageKind.Reminder, Incidents.At(IncidentStatus.Investigating), "due");

        Assert.Equal(CardVerbs.Update, Assert.Single(card.Actions).Verb);
        Assert.Equal(CardVerbs.Inputs.Text, Assert.Single(card.Inputs).Id);
    }
}
