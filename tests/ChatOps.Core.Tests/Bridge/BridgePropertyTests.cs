using ChatOps.Core.Bridge;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Tests.Support;
using CsCheck;

namespace ChatOps.Core.Tests.Bridge;

/// <summary>Random sessions of typed commands by random people: the bridge never throws and refusals change nothing.</summary>
public sealed class BridgePropertyTests
{
    private static readonly string[] Lines =
    [
        "ack", "status investigating", "status identified", "status monitoring", "resolve fixed", "validate", "close", "reopen again",
        "handoff https://tracker/1", "cancel dup", "role ic @dana", "role ic @Bob", "role comms @Carol", "sev 1", "sev 2", "sev 4",
        "update progress", "note hi", "impact --users 10 --function 20", "impact --ended -1m", "rootcause change bad deploy",
        "followup dana 2026-04-01 canary", "nofollowup one-off", "postmortem improve alerts",
    ];

    private static readonly Actor[] People = [BridgeFixture.Alice, BridgeFixture.Bob, BridgeFixture.Dana, BridgeFixture.Finance];

    [Fact]
    public void RandomSessions_NeverThrow_AndKeepVersionsAndInvariants()
    {
        Gen.Select(Gen.Int[0, Lines.Length - 1], Gen.Int[0, People.Length - 1], Gen.Int[0, 30]).Array[1, 40].Sample(steps =>
        {
            var f = new BridgeFixture();
            var incident = f.Declare();
            foreach (var (line, person, minutes) in steps)
            {
                f.Clock.Advance(TimeSpan.FromMinutes(minutes));
                var before = incident;
                var command = CommandParser.Parse(Lines[line]).Command!;
                switch (f.Decide(incident, command, People[person]))
                {
                    case Accepted accepted:
                        Assert.Equal(before.Version + 1, accepted.Snapshot.Version);
                        Assert.NotEmpty(accepted.Events);
                        Assert.Equal(f.Settings.UpdateCadence.For(accepted.Snapshot.Severity, accepted.Snapshot.Status) is not null, accepted.Snapshot.NextUpdateDue is not null);
                        if (accepted.Snapshot.Status == IncidentStatus.Closed) Assert.NotNull(accepted.Snapshot.ValidatedBy);
                        if (accepted.Snapshot.Status == IncidentStatus.Resolved) Assert.NotNull(accepted.Snapshot.Commander);
                        incident = accepted.Snapshot;
                        break;
                    case Refused refused:
                        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
                        Assert.Same(before, incident);
                        break;
                }
            }
        }, iter: 300);
    }
}
