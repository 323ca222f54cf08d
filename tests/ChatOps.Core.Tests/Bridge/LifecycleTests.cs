using ChatOps.Core.Bridge;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Tests.Support;
using static ChatOps.Core.Tests.Support.BridgeFixture;

namespace ChatOps.Core.Tests.Bridge;

public sealed class LifecycleTests
{
    private readonly BridgeFixture _f = new();

    [Fact]
    public void Ack_FirstResponderBecomesCommander_AndTimelineSaysSo()
    {
        var accepted = _f.Accept(_f.Declare(), new Acknowledge(), Bob);

        Assert.Equal(Bob, accepted.Snapshot.Commander);
        Assert.Equal(IncidentStatus.Investigating, accepted.Snapshot.Status);
        Assert.Equal(_f.Now, accepted.Snapshot.AcknowledgedAt);
        Assert.Equal(["acknowledged", "role-assigned"], accepted.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Ack_KeepsCommanderAlreadySet()
    {
        var incident = _f.Script(_f.Declare(), Alice, "role ic @carol");

        var accepted = _f.Accept(incident, new Acknowledge(), Bob);

        Assert.Equal("carol", accepted.Snapshot.Commander!.Name);
        Assert.Equal("acknowledged", accepted.Events.Single().Kind);
    }

    [Fact]
    public void AssignCommander_ReplacesTheOneCommander_OnTheTimeline()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        var accepted = _f.Accept(incident, new AssignRole(IncidentRole.Commander, new Actor("bob", "bob")), Alice);

        Assert.Equal("bob", accepted.Snapshot.Commander!.Name);
        Assert.Contains("replacing Alice", accepted.Events.Single(e => e.Kind == "role-assigned").Text, StringComparison.Ordinal);
        Assert.Contains(accepted.Messages, m => m.Kind == MessageKind.Notice);
    }

    [Fact]
    public void NewCommanderByName_MayResolve()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack", "role ic @Bob");

        Assert.IsType<Accepted>(_f.Decide(incident, new ResolveIncident("fixed"), Bob));
        Assert.IsType<Refused>(_f.Decide(incident, new ResolveIncident("fixed"), Alice));
    }

    [Fact]
    public void StatusFromDeclared_CountsAsAcknowledgement()
    {
        var accepted = _f.Accept(_f.Declare(), new ChangeStatus(IncidentStatus.Identified), Bob);

        Assert.Equal((IncidentStatus.Identified, _f.Now, Bob), (accepted.Snapshot.Status, accepted.Snapshot.AcknowledgedAt, accepted.Snapshot.Commander));
    }

    [Fact]
    public void Resolve_PostsServiceRestoredAndPostmortemPrompt_AndStopsReminders()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        var accepted = _f.Accept(incident, new ResolveIncident("rolled back"), Alice);

        Assert.Equal("payments-stakeholders", accepted.Messages.Single(m => m.Kind == MessageKind.ServiceRestored).Channel);
        Assert.Equal(incident.Channel, accepted.Messages.Single(m => m.Kind == MessageKind.PostmortemPrompt).Channel);
        Assert.Equal(new TimerChange("update-due:INC-7", incident.Id, null), accepted.Timers.Single());
        Assert.Null(accepted.Snapshot.NextUpdateDue);
    }

    [Fact]
    public void Reopen_FromClosed_ClearsValidationAndCloseTimes()
    {
        var incident = _f.Script(_f.Declare("declare Slow --sev 3 --service payments"), Alice, "ack", "resolve ok");
        incident = _f.Script(incident, Dana, "validate", "close");

        var accepted = _f.Accept(incident, new ReopenIncident("errors are back"), Alice);

        Assert.Equal(IncidentStatus.Investigating, accepted.Snapshot.Status);
        Assert.Null(accepted.Snapshot.ValidatedBy);
        Assert.Null(accepted.Snapshot.ClosedAt);
        Assert.Null(accepted.Snapshot.ResolvedAt);
        Assert.NotNull(accepted.Snapshot.NextUpdateDue);
    }

    [Fact]
    public void HandOff_SwitchesToDailyReminders()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        var accepted = _f.Accept(incident, new HandOff("https://tracker/PAY-9"), Alice);

        Assert.Equal(IncidentStatus.HandedOff, accepted.Snapshot.Status);
        Assert.Equal(_f.Now.AddDays(1), accepted.Snapshot.NextUpdateDue);
    }

    [Fact]
    public void PostmortemAnswers_BecomeTimelineEntriesAndSnapshot()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack", "resolve ok", "postmortem went-well quick rollback", "postmortem improve canaries", "postmortem summary bad deploy");

        Assert.Equal(["quick rollback"], incident.Postmortem.WentWell);
        Assert.Equal(["canaries"], incident.Postmortem.Improve);
        Assert.Equal("bad deploy", incident.Postmortem.Summary);
        Assert.Equal("postmortem-answer", _f.Accept(incident, new AnswerPostmortem(PostmortemField.Contributing, "no alarm"), Bob).Events.Single().Kind);
    }

    [Fact]
    public void AcceptedCommands_ReplyWithStatusCardSnapshot()
    {
        var accepted = _f.Accept(_f.Declare(), new Acknowledge(), Alice);

        var reply = accepted.Replies.Single();
        Assert.Equal(MessageKind.StatusCard, reply.Card);
        Assert.Same(accepted.Snapshot, reply.Snapshot);
    }
}
