using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.Bot.Tests.Crash;

/// <summary>
/// The real bot as a child process (the built ChatOps.Bot.dll) on a free loopback port and a given SQLite file,
/// so a test can kill it with SIGKILL and start it again on the same data.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<BotProcess> StartAsync(string databasePath)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatOps.Bot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}", $"--Store:Sqlite:Path={databasePath}", "--environment", "Development" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bot process");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await bot.WaitHealthyAsync().ConfigureAwait(false);
        return bot;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; exactly what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        // Readiness of a real child process is wall-clock by nature; this polls, it does not time the product.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the bot exited at start with code {_process.ExitCode}");
            try
            {
                using var response = await http.GetAsync("healthz").ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        throw new TimeoutException("the bot did not become healthy within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
