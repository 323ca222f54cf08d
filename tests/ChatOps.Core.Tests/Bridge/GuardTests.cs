using ChatOps.Core.Bridge;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Tests.Support;
using static ChatOps.Core.Tests.Support.BridgeFixture;

namespace ChatOps.Core.Tests.Bridge;

public sealed class GuardTests
{
    private readonly BridgeFixture _f = new();

    private Incident ResolvedSev2(string service = "payments") =>
        _f.Script(_f.Declare($"declare DB down --sev 2 --service {service}"), Alice, "ack", "resolve failed over to the replica");

    [Fact]
    public void Resolve_WithoutCommander_IsRefusedWithReason()
    {
        var incident = _f.Declare();

        var reason = _f.Refuse(incident, new ResolveIncident("fixed"), Dana);

        Assert.Contains("incident commander", reason, StringComparison.Ordinal);
        Assert.Contains("role ic", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ByBystander_IsRefusedNamingCommanderAndOwner()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        var reason = _f.Refuse(incident, new ResolveIncident("fixed"), Bob);

        Assert.Contains("Commander: Alice", reason, StringComparison.Ordinal);
        Assert.Contains("dana", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ByServiceOwnerWhoIsNotCommander_IsAccepted()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        var accepted = _f.Accept(incident, new ResolveIncident("fixed"), Dana);

        Assert.Equal(IncidentStatus.Resolved, accepted.Snapshot.Status);
        Assert.Equal(_f.Now, accepted.Snapshot.ResolvedAt);
    }

    [Fact]
    public void Close_WithoutValidation_IsRefusedAskingForValidate()
    {
        var incident = _f.Script(ResolvedSev2(), Alice, "rootcause change bad deploy", "nofollowup one-off");

        var reason = _f.Refuse(incident, new CloseIncident(), Alice);

        Assert.Contains("`validate`", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_Sev2WithoutRootCauseOrFollowUp_IsRefusedListingBoth()
    {
        var incident = _f.Script(ResolvedSev2(), Dana, "validate");

        var reason = _f.Refuse(incident, new CloseIncident(), Alice);

        Assert.Contains("rootcause", reason, StringComparison.Ordinal);
        Assert.Contains("nofollowup", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("`validate`", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_Sev2WithRootCauseAndFollowUp_IsAccepted()
    {
        var incident = _f.Script(ResolvedSev2(), Dana, "validate", "rootcause change bad deploy", "followup dana 2026-04-01 add a canary");

        var accepted = _f.Accept(incident, new CloseIncident(), Alice);

        Assert.Equal(IncidentStatus.Closed, accepted.Snapshot.Status);
        Assert.Equal("closed", accepted.Events.Single().Kind);
    }

    [Fact]
    public void Close_Sev3WithoutPostmortem_IsAcceptedOnceValidated()
    {
        var incident = _f.Script(_f.Declare("declare Slow search --sev 3 --service payments"), Alice, "ack", "resolve cache warmed");
        incident = _f.Script(incident, Dana, "validate");

        Assert.IsType<Accepted>(_f.Decide(incident, new CloseIncident(), Alice));
    }

    [Fact]
    public void Close_ByBystander_IsRefused()
    {
        var incident = _f.Script(ResolvedSev2(), Dana, "validate", "rootcause change bad deploy", "nofollowup one-off");

        var reason = _f.Refuse(incident, new CloseIncident(), Bob);

        Assert.Contains("commander or the service owner", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ByCommanderWhenServiceHasOwner_IsRefused()
    {
        var reason = _f.Refuse(ResolvedSev2(), new ValidateService(), Alice);

        Assert.Contains("service owner or business owner", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ByBusinessOwner_IsAccepted()
    {
        var accepted = _f.Accept(ResolvedSev2(), new ValidateService(), Finance);

        Assert.Equal(Finance, accepted.Snapshot.ValidatedBy);
        Assert.Equal("validated", accepted.Events.Single().Kind);
    }

    [Fact]
    public void Validate_WhenCatalogNamesNoOwner_CommanderValidates()
    {
        var incident = ResolvedSev2("general");

        _f.Refuse(incident, new ValidateService(), Bob);
        Assert.Equal(Alice, _f.Accept(incident, new ValidateService(), Alice).Snapshot.ValidatedBy);
    }

    [Fact]
    public void Validate_BeforeResolve_IsRefusedSayingResolveFirst()
    {
        var reason = _f.Refuse(_f.Script(_f.Declare(), Alice, "ack"), new ValidateService(), Dana);

        Assert.Contains("resolve", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LowerSeverity_ByBystander_IsRefused()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        var reason = _f.Refuse(incident, new ChangeSeverity(Severity.Sev4), Bob);

        Assert.StartsWith("Can't lower the severity of INC-7 yet", reason, StringComparison.Ordinal);
        Assert.Contains("commander or the service owner", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RaiseSeverity_ByAnyoneOnTheBridge_IsAccepted()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        var accepted = _f.Accept(incident, new ChangeSeverity(Severity.Sev1), Carol);

        Assert.Equal(Severity.Sev1, accepted.Snapshot.Severity);
        Assert.Equal("SEV2 -> SEV1 (raised)", accepted.Events.Single().Text);
    }

    [Fact]
    public void SameSeverity_IsRefusedAsNoChange()
    {
        Assert.Contains("already SEV2", _f.Refuse(_f.Declare(), new ChangeSeverity(Severity.Sev2), Alice), StringComparison.Ordinal);
    }

    [Fact]
    public void CancelledIncident_TakesNothingButReopen()
    {
        var incident = _f.Script(_f.Declare(), Alice, "cancel false alarm");

        var reason = _f.Refuse(incident, new AddNote("hello"), Alice);

        Assert.Contains("reopen", reason, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Investigating, _f.Accept(incident, new ReopenIncident("it was real"), Alice).Snapshot.Status);
    }

    [Fact]
    public void Cancel_ByBystander_IsRefused_ButDeclarerMayCancel()
    {
        var incident = _f.Declare(by: Carol);

        _f.Refuse(incident, new CancelIncident("dup"), Bob);
        Assert.Equal(IncidentStatus.Cancelled, _f.Accept(incident, new CancelIncident("dup"), Carol).Snapshot.Status);
    }

    [Fact]
    public void Ack_Twice_IsRefusedSayingAlreadyAcknowledged()
    {
        var incident = _f.Script(_f.Declare(), Alice, "ack");

        Assert.Contains("already acknowledged", _f.Refuse(incident, new Acknowledge(), Bob), StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_OfOpenIncident_IsRefused()
    {
        Assert.Contains("nothing to reopen", _f.Refuse(_f.Declare(), new ReopenIncident("x"), Alice), StringComparison.Ordinal);
    }

    [Fact]
    public void Impact_EndingBeforeItStarted_IsRefused()
    {
        var incident = _f.Declare();

        var reason = _f.Refuse(incident, new SetImpact(null, null, new TimeSpec(null, TimeSpan.FromMinutes(-10)), new TimeSpec(null, TimeSpan.FromMinutes(-30))), Alice);

        Assert.Contains("before it started", reason, StringComparison.Ordinal);
    }
}
