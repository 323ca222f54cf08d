using ChatOps.Cards.Composition;
using ChatOps.Cards.Tests.Fixtures;
using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Tests.Composition;

public sealed class CardComposerContentTests
{
    [Fact]
    public void EveryCard_NamesItsIncident()
    {
        foreach (var (name, view) in CardMatrix.All())
        {
            Assert.True(view.IncidentId == "INC-7", name);
            Assert.Equal("Checkout errors", view.Title);
        }
    }

    [Theory]
    [InlineData(MessageKind.StatusCard, typeof(StatusCardView))]
    [InlineData(MessageKind.Acknowledgement, typeof(AcknowledgementView))]
    [InlineData(MessageKind.StakeholderUpdate, typeof(StakeholderUpdateView))]
    [InlineData(MessageKind.ServiceRestored, typeof(ServiceRestoredView))]
    [InlineData(MessageKind.Reminder, typeof(ReminderView))]
    [InlineData(MessageKind.PostmortemPrompt, typeof(PostmortemPromptView))]
    [InlineData(MessageKind.Notice, typeof(NoticeView))]
    public void Compose_PicksTheViewOfTheKind(MessageKind kind, Type expected)
    {
        Assert.IsType(expected, CardComposer.Compose(kind, Incidents.At(IncidentStatus.Investigating), "x"));
    }

    [Fact]
    public void StakeholderUpdate_FillsTheStandardTemplate()
    {
        var incident = Incidents.At(IncidentStatus.Identified);

        var card = Assert.IsType<StakeholderUpdateView>(CardComposer.Compose(MessageKind.StakeholderUpdate, incident, "Cause found."));

        Assert.Equal(("INC-7", "Checkout errors", "SEV2", "identified"), (card.IncidentId, card.Title, card.Severity, card.Status));
        Assert.Equal("10% of users, 20% of function", card.Impact);
        Assert.Equal("Cause found.", card.WhatChanged);
        Assert.Equal("Bob", card.Commander);
        Assert.Equal("2026-03-02 10:20 UTC", card.NextUpdate);
    }

    [Fact]
    public void StakeholderUpdate_AfterResolve_SaysNoFurtherUpdateIsScheduled()
    {
        var card = CardComposer.StakeholderUpdate(Incidents.At(IncidentStatus.Resolved), "done");

        Assert.Equal("none scheduled", card.NextUpdate);
    }

    [Fact]
    public void Times_AreShownInUtc_WhateverTheSnapshotOffset()
    {
        var incident = Incidents.Declared() with { DeclaredAt = new DateTimeOffset(2026, 3, 2, 11, 30, 0, TimeSpan.FromHours(2)) };

        var card = CardComposer.StatusCard(incident);

        Assert.Equal("2026-03-02 09:30 UTC", card.DeclaredAt);
    }

    [Fact]
    public void StatusCard_WithoutCommander_InvitesSomeoneToTakeTheRole()
    {
        var card = CardComposer.StatusCard(Incidents.Declared());

        Assert.Contains("acknowledge", card.Commander, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("All users, all function (full outage)", card.Impact);
    }

    [Fact]
    public void StatusCard_ListsOtherRolesBesideTheCommander()
    {
        var card = CardComposer.StatusCard(Incidents.At(IncidentStatus.Investigating));

        Assert.Equal("Bob", card.Commander);
        Assert.Equal(new RoleAssignment("Scribe", "Carol"), Assert.Single(card.OtherRoles));
    }

    [Fact]
    public void StatusCard_OfAClosedIncident_ShowsNoNextUpdateDue()
    {
        Assert.Null(CardComposer.StatusCard(Incidents.At(IncidentStatus.Closed)).NextUpdateDue);
        Assert.NotNull(CardComposer.StatusCard(Incidents.At(IncidentStatus.Monitoring)).NextUpdateDue);
    }

    [Fact]
    public void ServiceRestored_GivesTheSummaryAndTheImpactDuration()
    {
        var card = CardComposer.ServiceRestored(Incidents.At(IncidentStatus.Resolved), "");

        Assert.Equal("Deploy rolled back; checkout success rate back to normal.", card.Summary);
        Assert.Equal("2026-03-02 10:20 UTC", card.RestoredAt);
        Assert.Equal("1 h", card.Duration); // impact started 10 min before the declare, resolved 50 min after
    }

    [Fact]
    public void Acknowledgement_WithoutText_SaysWeAreAwareAndPointsToTheChannel()
    {
        var card = CardComposer.Acknowledgement(Incidents.Declared(), " ");

        Assert.Contains("payments", card.Message, StringComparison.Ordinal);
        Assert.Equal("inc-7-checkout-errors", card.Channel);
        Assert.Equal("Alice", card.DeclaredBy);
    }
}
