using ChatOps.Core.Bridge;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Tests.Support;

namespace ChatOps.Core.Tests.Bridge;

/// <summary>
/// Every lifecycle state x every mutating command, sent by the commander who is also the service owner on an
/// incident whose close-out work is done, so only the state decides. The table below is the product rule.
/// </summary>
public sealed class StateCommandMatrixTests
{
    private static readonly DateTimeOffset DueAt = new(2026, 3, 2, 9, 45, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Command> Commands = new()
    {
        ["ack"] = new Acknowledge(),
        ["status investigating"] = new ChangeStatus(IncidentStatus.Investigating),
        ["status identified"] = new ChangeStatus(IncidentStatus.Identified),
        ["status monitoring"] = new ChangeStatus(IncidentStatus.Monitoring),
        ["resolve"] = new ResolveIncident("rolled back"),
        ["validate"] = new ValidateService(),
        ["close"] = new CloseIncident(),
        ["reopen"] = new ReopenIncident("errors are back"),
        ["handoff"] = new HandOff("https://tracker/PAY-1"),
        ["cancel"] = new CancelIncident("duplicate of INC-6"),
        ["role"] = new AssignRole(IncidentRole.Comms, BridgeFixture.Bob),
        ["sev raise"] = new ChangeSeverity(Severity.Sev1),
        ["sev lower"] = new ChangeSeverity(Severity.Sev3),
        ["update"] = new PostUpdate("rollback in progress"),
        ["note"] = new AddNote("looked at the dashboards"),
        ["impact"] = new SetImpact(0.1m, null, null, null),
        ["rootcause"] = new SetRootCause(RootCauseCategory.Change, "bad deploy"),
        ["followup"] = new AddFollowUp("dana", new DateOnly(2026, 4, 1), "add a canary"),
        ["nofollowup"] = new NoFollowUp("one-off"),
        ["postmortem"] = new AnswerPostmortem(PostmortemField.WentWell, "fast rollback"),
        ["remind"] = new RemindUpdateDue(DueAt),
    };

    private static readonly string[] Bridgework = ["role", "sev raise", "sev lower", "note", "impact", "rootcause", "followup", "nofollowup", "postmortem"];
    private static readonly string[] OpenWork = [.. Bridgework, "resolve", "cancel", "update", "remind"];

    private static readonly Dictionary<IncidentStatus, string[]> Allowed = new()
    {
        [IncidentStatus.Declared] = [.. OpenWork, "ack", "status investigating", "status identified", "status monitoring", "handoff"],
        [IncidentStatus.Investigating] = [.. OpenWork, "status identified", "status monitoring", "handoff"],
        [IncidentStatus.Identified] = [.. OpenWork, "status investigating", "status monitoring", "handoff"],
        [IncidentStatus.Monitoring] = [.. OpenWork, "status investigating", "status identified", "handoff"],
        [IncidentStatus.HandedOff] = [.. OpenWork, "reopen"],
        [IncidentStatus.Resolved] = [.. Bridgework, "validate", "close", "reopen"],
        [IncidentStatus.Closed] = ["reopen"],
        [IncidentStatus.Cancelled] = ["reopen"],
    };

    public static TheoryData<IncidentStatus, string> Pairs()
    {
        var data = new TheoryData<IncidentStatus, string>();
        foreach (var status in Enum.GetValues<IncidentStatus>())
            foreach (var name in Commands.Keys)
                data.Add(status, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EveryStateAndCommand_IsAllowedOrRefusedWithReason(IncidentStatus status, string commandName)
    {
        var fixture = new BridgeFixture();
        var incident = IncidentIn(status, fixture.Now);
        var before = incident with { };

        var decision = fixture.Decide(incident, Commands[commandName], BridgeFixture.Dana);

        if (Allowed[status].Contains(commandName))
        {
            var accepted = Assert.IsType<Accepted>(decision);
            Assert.Equal(incident.Version + 1, accepted.Snapshot.Version);
            Assert.NotEmpty(accepted.Events);
            Assert.All(accepted.Events, e => Assert.Equal((0L, fixture.Now, "test", incident.Id), (e.Sequence, e.At, e.Surface, e.Incident)));
            Assert.NotEmpty(accepted.Replies.Concat<object>(accepted.Messages));
        }
        else
        {
            var refused = Assert.IsType<Refused>(decision);
            Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
            Assert.Equal(before, incident);
            Assert.Equal(status, incident.Status);
        }
    }

    [Fact]
    public void Matrix_CoversEveryStateAndEveryMutatingCommandType()
    {
        Assert.Equal(Enum.GetValues<IncidentStatus>().Order(), Allowed.Keys.Order());
        var mutating = typeof(Command).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract && t != typeof(DeclareIncident))
            .Where(t => !((Command)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).IsQuery)
            .Select(t => t.Name).Order();
        Assert.Equal(mutating, Commands.Values.Select(c => c.GetType().Name).Distinct().Order());
    }

    /// <summary>An incident in <paramref name="status"/> with commander dana (also the service owner), validated, post-mortem done.</summary>
    internal static Incident IncidentIn(IncidentStatus status, DateTimeOffset now)
    {
        var resolved = status is IncidentStatus.Resolved or IncidentStatus.Closed;
        return new Incident
        {
            Id = new IncidentId(6),
            Title = "Checkout returns 500",
            Severity = Severity.Sev2,
            Status = status,
            Service = "payments",
            Channel = "inc-6-checkout-returns-500",
            OriginChannel = "ops",
            DeclaredBy = BridgeFixture.Alice,
            DeclaredAt = now.AddHours(-1),
            AcknowledgedAt = status == IncidentStatus.Declared ? null : now.AddMinutes(-55),
            ResolvedAt = resolved ? now.AddMinutes(-10) : null,
            ClosedAt = status == IncidentStatus.Closed ? now.AddMinutes(-5) : null,
            Roles = System.Collections.Immutable.ImmutableDictionary<IncidentRole, Actor>.Empty.Add(IncidentRole.Commander, BridgeFixture.Dana),
            ValidatedBy = resolved ? BridgeFixture.Dana : null,
            CancelReason = status == IncidentStatus.Cancelled ? "false alarm" : null,
            Postmortem = new Postmortem { Category = RootCauseCategory.Change, RootCause = "bad deploy", NoFollowUpReason = "one-off" },
            NextUpdateDue = status.IsOpen() ? DueAt : null,
            Version = 5,
        };
    }
}
