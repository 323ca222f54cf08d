using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.Modals;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;
using ChatOps.Cards.Rendering;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Rendering;

/// <summary>
/// Every Block Kit payload the bot can send is written into a TypeScript file typed with the official
/// <c>@slack/types</c> 3.2.0 (<c>KnownBlock[]</c>, <c>View</c>) and type-checked with <c>tsc --noEmit</c>
/// (PROTOCOLS.md C4). A missing Node, TypeScript or package fails the test: it never skips.
/// </summary>
public sealed class SlackTypesCheckTests : IDisposable
{
    private const string Setup = "Run the README test command (./tests/run-all.sh), or at least `npm ci --prefix tests/validators`.";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("chatops-blockkit-");

    public void Dispose() => _dir.Delete(recursive: true);

    public static IEnumerable<(string Name, string Type, JsonNode Payload)> EveryPayload()
    {
        // As posted: the sender marks each post's first block with its message key (PostMarker).
        foreach (var (name, view) in CardFixtures.All()) yield return (name, "KnownBlock[]", PostMarker.Mark(BlockKitRenderer.Render(view), "msg:41"));
        var timeline = string.Join('\n', Enumerable.Range(1, 600).Select(i => $"- 09:{i % 60:D2} *Alice* noted <check> & entry {i}"));
        var replies = BlockKitRenderer.RenderText(timeline);
        for (var i = 0; i < replies.Count; i++) yield return ($"reply_{i}", "KnownBlock[]", replies[i]);
        yield return ("reply_empty", "KnownBlock[]", BlockKitRenderer.RenderText("")[0]);

        var context = new ModalContext("INC-7", "C111");
        yield return ("modal_declare", "View", BlockKitRenderer.Modal(SlackModals.Declare(["payments", "general"], 3, context)));
        foreach (var verb in CardVerbs.All.Where(CardVerbs.TakesText))
        {
            yield return ($"modal_{verb}", "View", BlockKitRenderer.Modal(SlackModals.ForVerb(verb, "INC-7", context)));
        }
        foreach (var severity in new[] { Severity.Sev1, Severity.Sev4 })
        {
            yield return ($"modal_postmortem_{severity}".ToLowerInvariant(), "View",
                BlockKitRenderer.Modal(SlackModals.Postmortem(CardFixtures.At(IncidentStatus.Resolved, severity), context)));
        }
    }

    [Fact]
    public async Task EveryPayload_TypeChecksAgainstSlackTypes()
    {
        var payloads = EveryPayload().ToList();
        await WriteProject(payloads);

        var (exitCode, output) = await Tsc();

        Assert.True(exitCode == 0, $"tsc found {output.Split('\n').Count(l => l.Contains("error TS", StringComparison.Ordinal))} errors in {payloads.Count} payloads:\n{output}");
    }

    [Fact]
    public async Task Checker_RejectsABrokenBlock()
    {
        var broken = JsonNode.Parse("""[{"type":"section","text":{"type":"markdown","text":"x"}},{"type":"actions","elements":[{"type":"button","text":"Ack","action_id":"ack"}]}]""")!;
        await WriteProject([("broken", "KnownBlock[]", broken)]);

        var (exitCode, output) = await Tsc();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("TS2322", output, StringComparison.Ordinal);
    }

    private async Task WriteProject(IReadOnlyList<(string Name, string Type, JsonNode Payload)> payloads)
    {
        var modules = Path.Combine(RepoPaths.Validators, "node_modules");
        Assert.True(File.Exists(Path.Combine(modules, "@slack", "types", "package.json")), $"@slack/types is not installed under {modules}. {Setup}");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "node_modules"), modules);

        var ts = new StringBuilder("import type { KnownBlock, View } from '@slack/types';\n\n");
        foreach (var (name, type, payload) in payloads)
        {
            ts.Append("export const ").Append(name.Replace('-', '_')).Append(": ").Append(type).Append(" = ")
              .Append(payload.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).Append(";\n\n");
        }
        await File.WriteAllTextAsync(Path.Combine(_dir.FullName, "payloads.ts"), ts.ToString());
        await File.WriteAllTextAsync(Path.Combine(_dir.FullName, "tsconfig.json"), """
            { "compilerOptions": { "strict": true, "noEmit": true, "module": "nodenext", "moduleResolution": "nodenext",
              "target": "es2022", "types": [] }, "files": ["payloads.ts"] }
            """);
    }

    private async Task<(int ExitCode, string Output)> Tsc()
    {
        var tsc = Path.Combine(RepoPaths.Validators, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), $"TypeScript is not installed ({tsc} missing). {Setup}");
        var start = new ProcessStartInfo("npx") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir.FullName };
        foreach (var arg in new[] { "--prefix", RepoPaths.Validators, "tsc", "-p", Path.Combine(_dir.FullName, "tsconfig.json") }) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npx did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js (npx) is not installed or not on PATH ({e.Message}). {Setup}");
            throw;
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
