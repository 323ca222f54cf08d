using ChatOps.Core.Bridge;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Tests.Support;
using static ChatOps.Core.Tests.Support.BridgeFixture;

namespace ChatOps.Core.Tests.Bridge;

public sealed class DeclareTests
{
    private readonly BridgeFixture _f = new();

    [Fact]
    public void Declare_CreatesVersionOneSnapshotWithChannelFromIdAndTitle()
    {
        var accepted = _f.Accept(null, new DeclareIncident("Checkout returns 500 for EU cards!!", Severity.Sev2, "pay"), Alice);

        var incident = accepted.Snapshot;
        Assert.Equal((1L, IncidentStatus.Declared, "payments"), (incident.Version, incident.Status, incident.Service));
        Assert.Equal("inc-7-checkout-returns-500-for-eu", incident.Channel);
        Assert.Equal(("ops", Alice, _f.Now), (incident.OriginChannel, incident.DeclaredBy, incident.DeclaredAt));
        Assert.Equal("declared", accepted.Events.Single().Kind);
    }

    [Fact]
    public void Declare_WithoutSeverityOrService_UsesDefaultSeverityAndGeneralService()
    {
        var incident = _f.Accept(null, new DeclareIncident("Something odd", null, null), Alice).Snapshot;

        Assert.Equal((Severity.Sev3, "general"), (incident.Severity, incident.Service));
    }

    [Fact]
    public void Declare_UnknownService_IsRefusedListingKnownServices()
    {
        var reason = _f.Refuse(null, new DeclareIncident("x", null, "billing"), Alice);

        Assert.Contains("billing", reason, StringComparison.Ordinal);
        Assert.Contains("payments, search, general", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Declare_AcknowledgesToStakeholdersWithIdAndPostsStatusCard()
    {
        var accepted = _f.Accept(null, new DeclareIncident("Checkout down", Severity.Sev1, "payments"), Alice);

        var ack = accepted.Messages.Single(m => m.Kind == MessageKind.Acknowledgement);
        Assert.Equal("payments-stakeholders", ack.Channel);
        Assert.Contains("INC-7", ack.Text, StringComparison.Ordinal);
        var card = accepted.Messages.Single(m => m.Kind == MessageKind.StatusCard);
        Assert.Equal(accepted.Snapshot.Channel, card.Channel);
        Assert.Same(accepted.Snapshot, card.Snapshot);
        Assert.Equal(MessageKind.StatusCard, accepted.Replies.Single().Card);
    }

    [Fact]
    public void Declare_SchedulesFirstUpdateReminderBySeverity()
    {
        var accepted = _f.Accept(null, new DeclareIncident("Checkout down", Severity.Sev1, "payments"), Alice);

        var due = _f.Now.AddMinutes(15);
        Assert.Equal(new TimerChange("update-due:INC-7", new IncidentId(7), due), accepted.Timers.Single());
        Assert.Equal(due, accepted.Snapshot.NextUpdateDue);
    }

    [Fact]
    public void Declare_OnExistingIncident_IsRefused()
    {
        Assert.Contains("already exists", _f.Refuse(_f.Declare(), new DeclareIncident("again", null, null), Alice), StringComparison.Ordinal);
    }

    [Fact]
    public void AnyCommand_ForMissingIncident_IsRefused()
    {
        Assert.Contains("no incident", _f.Refuse(null, new AddNote("x"), Alice), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Café au lait machine is broken", "cafe-au-lait-machine-is-broken")]
    [InlineData("!!!", "incident")]
    [InlineData("DB   down -- again", "db-down-again")]
    public void Slug_IsLowerAsciiDashedAndShort(string title, string slug)
    {
        Assert.Equal(slug, IncidentBridge.Slug(title));
        Assert.True(IncidentBridge.Slug(new string('x', 100)).Length <= 30);
    }
}
