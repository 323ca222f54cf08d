using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Tests.Fixtures;

namespace ChatOps.Adapters.Teams.Tests.EndToEnd;

/// <summary>
/// Microsoft's Teams emulator, the Microsoft 365 Agents Playground (npm, installed in tests/playground by the test
/// command), run headless on loopback against a bot endpoint (PROTOCOLS.md C1). Drives it through its test API and
/// records what the bot posted from its conversation stream.
/// </summary>
internal sealed class Playground : IAsyncDisposable
{
    public const string BotId = "00000000-0000-0000-0000-00000000000011";
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _event = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Playground(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Port = port;
    }

    public HttpClient Http { get; }
    public int Port { get; }
    public ConcurrentQueue<JsonObject> Events { get; } = new();

    public static async Task<Playground> StartAsync(string botEndpoint, string workDir)
    {
        var cli = Path.Combine(RepoPaths.Root, "tests", "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        Assert.True(File.Exists(cli), $"The Agents Playground is not installed at {cli}: run `npm ci --prefix tests/playground` (tests/run-all.sh does).");
        var port = FreePort();
        var start = new ProcessStartInfo("node", [cli, "-e", botEndpoint, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry"])
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDir, "playground.log");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Listening on", StringComparison.Ordinal) == true) listening.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var playground = new Playground(process, port);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await playground._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        _ = playground.ReadEventsAsync();
        return playground;
    }

    public async Task<JsonObject> SendAsync(string conversationId, string text)
    {
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["text"] = $"<at>Test Bot</at> {text}",
            ["textFormat"] = "plain",
            ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = BotId }, ["text"] = "<at>Test Bot</at>" }),
        };
        using var response = await Http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonObject> InvokeAsync(string conversationId, string replyToId, string verb, JsonObject data)
    {
        data["verb"] = verb;
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" },
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
        };
        using var response = await Http.PostAsJsonAsync("/_conversation/v1/invoke", body);
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task SubmitAsync(string conversationId, string replyToId, JsonObject value)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["replyToId"] = replyToId,
            ["value"] = value,
        };
        using var response = await Http.PostAsJsonAsync("/_conversation/v1/submit", body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The first stream event matching <paramref name="match"/>, waiting (bounded) for it to arrive.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, string what, int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var next = Volatile.Read(ref _event).Task;
            var found = Events.FirstOrDefault(match);
            if (found is not null) return found;
            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The playground never showed {what}. Events:\n{string.Join("\n", Events.Select(e => e.ToJsonString()[..Math.Min(300, e.ToJsonString().Length)]))}");
            }
        }
    }

    private async Task ReadEventsAsync()
    {
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is JsonObject json) Events.Enqueue(json);
                message.SetLength(0);
                Interlocked.Exchange(ref _event, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the playground stopped
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Http.Dispose();
        _stop.Dispose();
    }
}
