using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Tests.Fixtures;

namespace ChatOps.Cards.Tests.Validation;

/// <summary>
/// Every card parses without a single event in the official <c>adaptivecards</c> library (npm 3.0.6), run by
/// tests/validators/validate-cards.js under Node. A missing Node or package fails: it never skips.
/// </summary>
public sealed class OfficialParserTests : IDisposable
{
    private const string Setup = "Run the README test command (./tests/run-all.sh), or at least `npm ci --prefix tests/validators`.";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("chatops-cards-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task EveryCard_ParsesAndValidatesWithoutEvents()
    {
        foreach (var (name, view) in CardMatrix.All())
        {
            await File.WriteAllTextAsync(Path.Combine(_dir.FullName, name + ".json"), CardJson.Format(AdaptiveCardRenderer.Render(view)));
        }

        var (exitCode, report) = await RunValidator(_dir.FullName);

        Assert.True(exitCode == 0, $"adaptivecards reported events:\n{report}");
        Assert.Equal(CardMatrix.All().Count(), (int?)JsonNode.Parse(report)!["cards"]);
    }

    [Fact]
    public async Task Validator_ReportsABrokenCard()
    {
        var broken = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"},{"type":"Input.Text","id":"a"},{"type":"Input.Text","id":"a"}]}""";
        await File.WriteAllTextAsync(Path.Combine(_dir.FullName, "broken.json"), broken);

        var (exitCode, report) = await RunValidator(_dir.FullName);

        Assert.Equal(1, exitCode);
        Assert.Contains("UnknownElementType", report, StringComparison.Ordinal);
        Assert.Contains("DuplicateId", report, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Report)> RunValidator(string cardsDir)
    {
        var script = Path.Combine(RepoPaths.Validators, "validate-cards.js");
        var bundle = Path.Combine(RepoPaths.Validators, "node_modules", "adaptivecards", "dist", "adaptivecards.js");
        Assert.True(File.Exists(bundle), $"The adaptivecards package is not installed ({bundle} missing). {Setup}");

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(cardsDir);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js is not installed or not on PATH ({e.Message}). {Setup}");
            throw;
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var error = await stderr;
            Assert.True(process.ExitCode is 0 or 1, $"validate-cards.js failed ({process.ExitCode}): {error}");
            return (process.ExitCode, await stdout);
        }
    }
}
