using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Tests.Commands;

public sealed class CommandHelpTests
{
    [Fact]
    public void FullText_ListsEveryVerbSeverityDefinitionAndLifecycleState()
    {
        var text = CommandHelp.FullText();

        foreach (var verb in CommandHelp.Verbs) Assert.Contains(verb.Usage, text, StringComparison.Ordinal);
        foreach (var severity in Enum.GetValues<Severity>()) Assert.Contains($"{severity.ToText()}: {severity.Definition()}", text, StringComparison.Ordinal);
        foreach (var status in Enum.GetValues<IncidentStatus>()) Assert.Contains(status.ToText(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVerbOfTheLanguage_HasUsageAndDetail()
    {
        string[] language = ["declare", "ack", "role", "sev", "status", "update", "note", "impact", "resolve", "validate", "reopen", "handoff",
            "rootcause", "followup", "nofollowup", "postmortem", "close", "cancel", "timeline", "summary", "list", "help"];

        Assert.Equal(language, CommandHelp.Verbs.Select(v => v.Name));
        foreach (var verb in language)
        {
            Assert.StartsWith("Usage: " + verb, CommandHelp.Usage(verb), StringComparison.Ordinal);
            Assert.Contains(verb, CommandHelp.Detail(verb), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Detail_OfUnknownVerb_IsNull()
    {
        Assert.Null(CommandHelp.Detail("fly"));
    }
}
