using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Tests.Support;

namespace ChatOps.Core.Tests.Docs;

/// <summary>
/// docs/state-diagram.md holds the Mermaid rendering of the bridge's Stateless machine. This test fails when the
/// machine changes and the document does not. To regenerate the document, run the tests with UPDATE_DOCS=1:
/// <c>UPDATE_DOCS=1 dotnet test tests/ChatOps.Core.Tests --filter StateDiagram</c>; then review and commit it.
/// </summary>
public sealed class StateDiagramTests
{
    private const string Fence = "```mermaid";

    private static string DocPath => Path.Combine(RepoRoot.Path, "docs", "state-diagram.md");

    [Fact]
    public void StateDiagramDoc_MatchesTheMachine()
    {
        var diagram = Normalize(IncidentBridge.DescribeMachine());
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, Document(diagram));
        }

        Assert.True(File.Exists(DocPath), $"{DocPath} is missing; run the tests with UPDATE_DOCS=1 to generate it.");
        var documented = ExtractMermaid(File.ReadAllText(DocPath));
        Assert.True(documented == diagram,
            "docs/state-diagram.md is out of date with the incident bridge's state machine. Run the tests with UPDATE_DOCS=1, review and commit the document.\n" + diagram);
    }

    /// <summary>The README shows the same machine without self-transitions (commands that keep the state), between markers.</summary>
    [Fact]
    public void ReadmeDiagram_MatchesTheMachinesStateChanges()
    {
        var diagram = StateChangesOnly(Normalize(IncidentBridge.DescribeMachine()));
        var readmePath = Path.Combine(RepoRoot.Path, "README.md");
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");
        var begin = readme.IndexOf(ReadmeBegin, StringComparison.Ordinal);
        var end = readme.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md lacks the {ReadmeBegin} ... {ReadmeEnd} markers.");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            readme = readme[..(begin + ReadmeBegin.Length)] + "\n" + Fence + "\n" + diagram + "\n```\n" + readme[end..];
            File.WriteAllText(readmePath, readme);
            end = readme.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        }

        var documented = ExtractMermaid(readme[begin..end]);
        Assert.True(documented == diagram,
            "The state diagram in README.md is out of date with the incident bridge's state machine. Run the tests with UPDATE_DOCS=1, review and commit.\n" + diagram);
    }

    private const string ReadmeBegin = "<!-- state-diagram:begin -->";
    private const string ReadmeEnd = "<!-- state-diagram:end -->";

    private static string StateChangesOnly(string diagram) =>
        string.Join("\n", diagram.Split('\n').Where(line => !IsSelfTransition(line)));

    private static bool IsSelfTransition(string line)
    {
        var parts = line.Trim().Split(" --> ", 2, StringSplitOptions.None);
        if (parts.Length != 2) return false;
        var target = parts[1].Split(' ', 2)[0];
        return parts[0] == target;
    }

    [Fact]
    public void Diagram_ShowsEveryStateAndTheGuardDescriptions()
    {
        var diagram = IncidentBridge.DescribeMachine();

        foreach (var state in Enum.GetNames<IncidentStatus>()) Assert.Contains(state, diagram, StringComparison.Ordinal);
        Assert.Contains("role ic", diagram, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string? ExtractMermaid(string markdown)
    {
        var text = markdown.ReplaceLineEndings("\n");
        var start = text.IndexOf(Fence + "\n", StringComparison.Ordinal);
        if (start < 0) return null;
        start += Fence.Length + 1;
        var end = text.IndexOf("\n```", start, StringComparison.Ordinal);
        return end < 0 ? null : Normalize(text[start..end]);
    }

    private static string Document(string diagram) =>
        "# Incident lifecycle\n\n" +
        "Every incident bridge is one [Stateless](https://github.com/dotnet-state-machine/stateless) state machine, rebuilt from the\n" +
        "stored snapshot for each command (`bot/ChatOps.Core/Bridge/IncidentBridge.Machine.cs`). Transitions in brackets carry\n" +
        "guards: their descriptions are exactly what a refused user reads after \"it needs\". Self-transitions are commands that\n" +
        "change the incident but not its state. A command the current state does not handle is refused with what to do next.\n\n" +
        "This diagram is generated from the machine by `tests/ChatOps.Core.Tests/Docs/StateDiagramTests.cs`, which fails when\n" +
        "they differ; regenerate with `UPDATE_DOCS=1 dotnet test tests/ChatOps.Core.Tests --filter StateDiagram`.\n\n" +
        Fence + "\n" + diagram + "\n```\n";
}
