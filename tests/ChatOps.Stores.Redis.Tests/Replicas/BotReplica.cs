using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ChatOps.Stores.Redis.Tests.Replicas;

/// <summary>
/// One bot replica as a real child process (the built ChatOps.Bot.dll) on the Redis store, with a short delivery
/// lease and a 2-second SEV1 reminder cadence so takeovers and reminders happen within a test.
/// </summary>
internal sealed class BotReplica : IAsyncDisposable
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan ReminderCadence = TimeSpan.FromSeconds(2);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private bool _disposed;

    private BotReplica(Process process, ConcurrentQueue<string> output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    /// <summary>What the process has written to stdout and stderr so far (its log, at Warning and above).</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<BotReplica> StartAsync(string redisConfiguration, string keyPrefix)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ChatOps.Bot.dll"), "--urls", $"http://127.0.0.1:{port}", "--environment", "Development",
            "--Store:Provider=Redis", $"--Store:Redis:Configuration={redisConfiguration}", $"--Store:Redis:KeyPrefix={keyPrefix}",
            $"--Delivery:Lease={Lease}", "--Delivery:PollInterval=00:00:00.250", $"--Bridge:UpdateCadence:Sev1={ReminderCadence}",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bot process");
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var replica = new BotReplica(process, output, new Uri($"http://127.0.0.1:{port}/"));
        await replica.WaitHealthyAsync();
        return replica;
    }

    /// <summary>Runs one command; the status code tells whether it was answered (200) or refused for an outage (503).</summary>
    public async Task<(HttpStatusCode Status, string? Incident)> SendAsync(string text, string key, string channel = "ops")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/commands")
        {
            Content = JsonContent.Create(new { user = new { id = "load", name = "Load" }, channel = new { id = channel, name = channel }, text }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("incident").GetString());
    }

    public async Task<IReadOnlyList<(long Sequence, string Kind, string Text, DateTimeOffset At)>> TimelineAsync(string incident)
    {
        using var body = JsonDocument.Parse(await Http.GetStringAsync($"api/incidents/{incident}/timeline"));
        return [.. body.RootElement.EnumerateArray().Select(e => (
            e.GetProperty("sequence").GetInt64(), e.GetProperty("kind").GetString()!, e.GetProperty("text").GetString()!, e.GetProperty("at").GetDateTimeOffset()))];
    }

    /// <summary>The store's backlog as <c>/healthz</c> reports it.</summary>
    public async Task<(int Messages, int Timers)> PendingAsync()
    {
        using var response = await Http.GetAsync("healthz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = body.RootElement.GetProperty("checks").GetProperty("store").GetProperty("data");
        return (data.GetProperty("pendingMessages").GetInt32(), data.GetProperty("pendingTimers").GetInt32());
    }

    /// <summary><c>/healthz</c>'s status code and its <c>redis</c> entry's status.</summary>
    public async Task<(HttpStatusCode Status, string Redis)> HealthAsync()
    {
        using var response = await Http.GetAsync("healthz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString()!);
    }

    /// <summary>SIGKILL: no shutdown, no lease handed back; exactly what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (_disposed || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        await KillAsync();
        _disposed = true;
        _process.Dispose();
        Http.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        // Readiness of a real child process is wall-clock by nature; this polls, it does not time the product.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited) throw new InvalidOperationException($"the bot exited at start with code {_process.ExitCode}");
            try
            {
                using var response = await Http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the bot did not become healthy within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
