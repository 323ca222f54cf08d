using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Cards;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Testing.Builders;

namespace ChatOps.Adapters.Teams.Tests.Cards;

/// <summary>
/// The Teams additions (commander mention block, user-specific refresh, filtered actions) parse without a single
/// event in the official <c>adaptivecards</c> library, through tests/validators/validate-cards.js. Never skips.
/// </summary>
public sealed class TeamsCardParserTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("chatops-teams-cards-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task EveryTeamsCard_ParsesWithoutEvents()
    {
        var commander = new Actor("29:commander", "Casey Commander");
        var count = 0;
        foreach (var kind in Enum.GetValues<MessageKind>().Where(k => k != MessageKind.Notice))
        foreach (var status in Enum.GetValues<IncidentStatus>())
        foreach (var viewer in new[] { commander.Id, "29:other" })
        {
            var incident = new IncidentBuilder().Detailed().WithStatus(status).WithRole(IncidentRole.Commander, commander).Build();
            var card = TeamsCards.WithoutTeamsExtensions(TeamsCards.Render(CardComposer.Compose(kind, incident, "Text"), incident, viewer));
            await File.WriteAllTextAsync(Path.Combine(_dir.FullName, $"{kind}-{status}-{count++}.json"), card.ToJsonString());
        }

        var validators = Path.Combine(RepoPaths.Root, "tests", "validators");
        Assert.True(File.Exists(Path.Combine(validators, "node_modules", "adaptivecards", "dist", "adaptivecards.js")),
            "The adaptivecards package is not installed: run `npm ci --prefix tests/validators` (tests/run-all.sh does).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(validators, "validate-cards.js"));
        start.ArgumentList.Add(_dir.FullName);
        using var process = Process.Start(start)!;
        var report = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"adaptivecards reported events:\n{report}");
        Assert.Equal(count, (int?)JsonNode.Parse(report)!["cards"]);
    }
}
