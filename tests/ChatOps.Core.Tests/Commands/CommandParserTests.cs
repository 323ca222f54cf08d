using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Tests.Commands;

public sealed class CommandParserTests
{
    private static Command Ok(string text)
    {
        var result = CommandParser.Parse(text);
        Assert.True(result.IsSuccess, result.Error);
        return result.Command!;
    }

    private static ParseResult Fail(string? text)
    {
        var result = CommandParser.Parse(text);
        Assert.False(result.IsSuccess);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.StartsWith("Usage: ", result.Usage, StringComparison.Ordinal);
        return result;
    }

    [Theory]
    [InlineData("incident declare DB down --sev 2 --service payments")]
    [InlineData("/incident declare DB down --sev 2 --service payments")]
    [InlineData("declare --sev 2 DB down --service payments")]
    [InlineData("/declare \"DB down\" --service=payments --sev=SEV2")]
    [InlineData("  DECLARE   DB down   --SEV 2 --service payments ")]
    public void Declare_AcceptsEveryWayOfWritingIt(string text)
    {
        Assert.Equal(new DeclareIncident("DB down", Severity.Sev2, "payments"), Ok(text));
    }

    [Fact]
    public void Declare_TitleMayStartWithAnIncidentId()
    {
        var command = Assert.IsType<DeclareIncident>(Ok("declare INC-3 follow-up broke checkout"));
        Assert.Equal(("INC-3 follow-up broke checkout", (IncidentId?)null), (command.Title, command.Target));
    }

    [Theory]
    [InlineData("declare", "needs a title")]
    [InlineData("declare --sev 2", "needs a title")]
    [InlineData("declare DB down --sev 5", "--sev must be 1, 2, 3 or 4")]
    [InlineData("declare DB down --sev", "--sev needs a value")]
    [InlineData("declare DB down --priority 1", "no option --priority")]
    [InlineData("declare DB --sev 1 --sev 2", "given twice")]
    public void Declare_BadArguments_FailWithPreciseError(string text, string error)
    {
        var result = Fail(text);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
        Assert.Equal("Usage: declare <title> [--sev 1-4] [--service <name>]", result.Usage);
    }

    [Theory]
    [InlineData("ack INC-3", 3L)]
    [InlineData("/incident ack inc-42", 42L)]
    [InlineData("ack", null)]
    public void IncidentIdRightAfterVerb_SetsTarget(string text, long? number)
    {
        var command = Assert.IsType<Acknowledge>(Ok(text));
        Assert.Equal(number is null ? null : new IncidentId(number.Value), command.Target);
    }

    [Fact]
    public void Role_StripsMentionAndBuildsActorFromName()
    {
        Assert.Equal(new AssignRole(IncidentRole.Commander, new Actor("dana", "dana")) { Target = new IncidentId(3) }, Ok("role INC-3 ic @dana"));
        Assert.Equal(new AssignRole(IncidentRole.Scribe, new Actor("Jo Smith", "Jo Smith")), Ok("role scribe Jo Smith"));
    }

    [Theory]
    [InlineData("sev 2", Severity.Sev2)]
    [InlineData("sev SEV1", Severity.Sev1)]
    [InlineData("severity sev4", Severity.Sev4)]
    public void Sev_AcceptsNumberOrSevName(string text, Severity severity)
    {
        Assert.Equal(new ChangeSeverity(severity), Ok(text));
    }

    [Fact]
    public void FreeTextVerbs_KeepTheirText()
    {
        Assert.Equal(new PostUpdate("Rollback  50% done"), Ok("update Rollback  50% done"));
        Assert.Equal(new AddNote("saw \"timeouts\""), Ok("note INC-1 saw \"timeouts\"") with { Target = null });
        Assert.Equal(new ResolveIncident("failed over"), Ok("resolve \"failed over\""));
        Assert.Equal(new CancelIncident("duplicate of INC-4"), Ok("cancel duplicate of INC-4"));
        Assert.Equal(new HandOff("https://tracker/PAY-1"), Ok("handoff https://tracker/PAY-1"));
        Assert.Equal(new ReopenIncident("back"), Ok("reopen back"));
        Assert.Equal(new NoFollowUp("one-off"), Ok("nofollowup one-off"));
    }

    [Fact]
    public void Impact_ParsesPercentagesAndTimes()
    {
        var command = Assert.IsType<SetImpact>(Ok("impact --users 10% --function 20 --started -90m --ended 2026-03-02T10:15Z"));
        Assert.Equal(0.10m, command.UsersShare);
        Assert.Equal(0.20m, command.FunctionShare);
        Assert.Equal(new TimeSpec(null, TimeSpan.FromMinutes(-90)), command.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.Zero), command.EndedAt!.Absolute);
        Assert.Equal(new TimeSpec(null, TimeSpan.FromHours(-2)), ((SetImpact)Ok("impact --started -2h")).StartedAt);
    }

    [Theory]
    [InlineData("impact", "at least one of")]
    [InlineData("impact --users 120", "--users must be a percentage")]
    [InlineData("impact --users -5", "--users must be a percentage")]
    [InlineData("impact --started yesterday", "--started must be an ISO 8601 time")]
    [InlineData("impact lots", "takes only options")]
    public void Impact_BadArguments_FailWithPreciseError(string text, string error)
    {
        Assert.Contains(error, Fail(text).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PostmortemVerbs_Parse()
    {
        Assert.Equal(new SetRootCause(RootCauseCategory.Configuration, "wrong pool size"), Ok("rootcause configuration wrong pool size"));
        Assert.Equal(new AddFollowUp("dana", new DateOnly(2026, 4, 1), "add alerts"), Ok("followup @dana 2026-04-01 add alerts"));
        Assert.IsType<ShowPostmortem>(Ok("postmortem"));
        Assert.Equal(new AnswerPostmortem(PostmortemField.WentWell, "fast"), Ok("postmortem went-well fast"));
        Assert.Equal(new AnswerPostmortem(PostmortemField.Improve, "canary"), Ok("postmortem improve canary"));
    }

    [Theory]
    [InlineData("rootcause cosmic rays", "not a root-cause category")]
    [InlineData("rootcause 3 x", "not a root-cause category")]
    [InlineData("rootcause software", "needs a description")]
    [InlineData("followup dana 01/04/2026 alerts", "yyyy-mm-dd")]
    [InlineData("followup dana 2026-04-01", "needs an owner, a due date")]
    [InlineData("postmortem feelings sad", "not a post-mortem question")]
    [InlineData("postmortem summary", "needs your answer")]
    [InlineData("status resolved", "To resolve, use `resolve")]
    [InlineData("status happy", "investigating, identified or monitoring")]
    [InlineData("role boss dana", "not a role")]
    [InlineData("role ic", "needs the user")]
    [InlineData("sev 0", "not a severity")]
    [InlineData("ack now please", "takes no arguments")]
    [InlineData("update", "needs the update text")]
    [InlineData("help fly", "no command 'fly'")]
    public void BadArguments_FailNamingWhatIsWrong(string text, string error)
    {
        Assert.Contains(error, Fail(text).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("incident")]
    [InlineData("frobnicate INC-1")]
    [InlineData("\"declare\" x")]
    public void EmptyOrUnknown_FailsWithGeneralUsage(string? text)
    {
        Assert.Contains("help", Fail(text).Error + Fail(text).Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLongInput_FailsInsteadOfParsing()
    {
        Assert.Contains("limit", Fail("note " + new string('x', CommandParser.MaxLength)).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timeline INC-2", typeof(ShowTimeline))]
    [InlineData("summary", typeof(ShowSummary))]
    [InlineData("list", typeof(ListIncidents))]
    [InlineData("validate", typeof(ValidateService))]
    [InlineData("close INC-9", typeof(CloseIncident))]
    public void NoArgumentVerbs_Parse(string text, Type type)
    {
        Assert.IsType(type, Ok(text));
    }

    [Fact]
    public void Help_TakesOptionalVerbAndNormalisesAliases()
    {
        Assert.Equal(new ShowHelp(null), Ok("help"));
        Assert.Equal(new ShowHelp("ack"), Ok("help acknowledge"));
        Assert.Equal(new ShowHelp("declare"), Ok("/help /declare"));
    }
}
