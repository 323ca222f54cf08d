using ChatOps.Core.Bridge;
using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Core.Tests.Support;

/// <summary>The one place bridge tests build their subject: a catalog, the default settings and a fake clock.</summary>
internal sealed class BridgeFixture
{
    public static readonly Actor Dana = new("U-dana", "dana");          // payments service owner
    public static readonly Actor Finance = new("U-fin", "finance-ops"); // payments business owner
    public static readonly Actor Alice = new("U-alice", "Alice");
    public static readonly Actor Bob = new("U-bob", "Bob");
    public static readonly Actor Carol = new("U-carol", "Carol");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public BridgeSettings Settings { get; } = new();

    public ServiceCatalog Catalog { get; } = new(
    [
        new ServiceEntry { Name = "payments", Aliases = ["pay"], ServiceOwner = "dana", BusinessOwner = "finance-ops", StakeholderChannel = "payments-stakeholders" },
        new ServiceEntry { Name = "search", ServiceOwner = "sam", StakeholderChannel = "search-stakeholders" },
        new ServiceEntry { Name = "general", StakeholderChannel = "incidents" },
    ]);

    public IncidentBridge Bridge => new(Settings, Catalog);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static CommandEnvelope Envelope(Command command, Actor actor, string channel = "ops") =>
        new(command, actor, channel, "test", Guid.NewGuid().ToString("N"));

    public Decision Decide(Incident? current, Command command, Actor actor) =>
        Bridge.Decide(current, current?.Id ?? new IncidentId(7), Envelope(command, actor), Now);

    public Accepted Accept(Incident? current, Command command, Actor actor)
    {
        var decision = Decide(current, command, actor);
        return decision as Accepted ?? throw new Xunit.Sdk.XunitException($"Expected {command.Verb} to be accepted, but: {(decision as Refused)?.Reason}");
    }

    public string Refuse(Incident? current, Command command, Actor actor)
    {
        var decision = Decide(current, command, actor);
        var refused = Assert.IsType<Refused>(decision);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        return refused.Reason;
    }

    /// <summary>Parses <paramref name="text"/> as a user would type it and decides it.</summary>
    public Decision Run(Incident? current, string text, Actor actor)
    {
        var parsed = CommandParser.Parse(text);
        Assert.True(parsed.IsSuccess, parsed.Error);
        return Decide(current, parsed.Command!, actor);
    }

    public Incident Declare(string text = "declare Checkout returns 500 --sev 2 --service payments", Actor? by = null) =>
        ((Accepted)Run(null, text, by ?? Alice)).Snapshot;

    /// <summary>Runs a script of commands as one actor, each of which must be accepted; returns the last snapshot.</summary>
    public Incident Script(Incident incident, Actor actor, params string[] lines)
    {
        foreach (var line in lines)
        {
            var decision = Run(incident, line, actor);
            incident = decision is Accepted accepted ? accepted.Snapshot
                : throw new Xunit.Sdk.XunitException($"'{line}' was refused: {((Refused)decision).Reason}");
        }
        return incident;
    }
}
