using ChatOps.Core.Bridge;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Tests.Support;
using static ChatOps.Core.Tests.Support.BridgeFixture;

namespace ChatOps.Core.Tests.Bridge;

public sealed class CadenceTests
{
    private readonly BridgeFixture _f = new();

    [Fact]
    public void Update_PostsStakeholderTemplate_AndRestartsReminder()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");
        _f.Clock.Advance(TimeSpan.FromMinutes(10));

        var accepted = _f.Accept(incident, new PostUpdate("rolled back the deploy"), Alice);

        var update = accepted.Messages.Single(m => m.Kind == MessageKind.StakeholderUpdate);
        Assert.Equal("payments-stakeholders", update.Channel);
        foreach (var part in new[] { "INC-7", "Checkout returns 500", "SEV2", "investigating", "Impact:", "rolled back the deploy", "Alice", "Next update: 2026-03-02 10:10 UTC" })
            Assert.Contains(part, update.Text, StringComparison.Ordinal);
        Assert.Equal(_f.Now.AddMinutes(30), accepted.Timers.Single().DueAt);
        Assert.Equal(("rolled back the deploy", _f.Now), (accepted.Snapshot.LastUpdate, accepted.Snapshot.LastUpdateAt!.Value));
    }

    [Fact]
    public void SeverityChange_RecomputesCadence_AndSev4CancelsReminders()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        Assert.Equal(_f.Now.AddMinutes(15), _f.Accept(incident, new ChangeSeverity(Severity.Sev1), Alice).Snapshot.NextUpdateDue);
        var sev4 = _f.Accept(incident, new ChangeSeverity(Severity.Sev4), Alice);
        Assert.Null(sev4.Snapshot.NextUpdateDue);
        Assert.Null(sev4.Timers.Single().DueAt);
    }

    [Fact]
    public void Reminder_WhenDue_PostsToIncidentChannelAndSchedulesNext()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");
        var due = incident.NextUpdateDue!.Value;
        _f.Clock.Advance(TimeSpan.FromMinutes(30));

        var accepted = _f.Accept(incident, new RemindUpdateDue(due), Actor.Bot);

        Assert.Equal(incident.Channel, accepted.Messages.Single(m => m.Kind == MessageKind.Reminder).Channel);
        Assert.Equal("reminder", accepted.Events.Single().Kind);
        Assert.Equal(_f.Now.AddMinutes(30), accepted.Timers.Single().DueAt);
        Assert.Equal(_f.Now.AddMinutes(30), accepted.Snapshot.NextUpdateDue);
    }

    [Fact]
    public void Reminder_ThatIsNoLongerDue_IsRefusedAsStale()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");
        var oldDue = incident.NextUpdateDue!.Value;
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        incident = _f.Script(incident, Alice, "update still rolling back");

        Assert.StartsWith("stale reminder", _f.Refuse(incident, new RemindUpdateDue(oldDue), Actor.Bot), StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_AfterResolve_IsRefusedAsStale()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");
        var due = incident.NextUpdateDue!.Value;
        incident = _f.Script(incident, Alice, "resolve ok");

        Assert.StartsWith("stale reminder", _f.Refuse(incident, new RemindUpdateDue(due), Actor.Bot), StringComparison.Ordinal);
    }

    [Fact]
    public void Impact_DefaultsStartToDeclaration_AndStoresShares()
    {
        var incident = _f.Declare();
        _f.Clock.Advance(TimeSpan.FromMinutes(5));

        var accepted = _f.Accept(incident, new SetImpact(0.1m, 0.2m, null, null), Alice);

        Assert.Equal(new Impact(null, null, 0.1m, 0.2m), accepted.Snapshot.Impact);
        Assert.Contains("10% of users, 20% of function, since 2026-03-02 09:30 UTC", accepted.Events.Single().Text, StringComparison.Ordinal);
    }
}
