using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Testing.Redis;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port with its own temporary directory, configured for zero loss
/// (AOF, <c>appendfsync always</c>, no RDB snapshots). <see cref="RestartAsync"/> kills it with SIGKILL and starts it
/// again on the same port and directory, as a crashed Redis would come back.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private Process? _process;

    private readonly string[] _extraArguments;

    private RedisServer(string executable, string directory, int port, string[] extraArguments)
    {
        Executable = executable;
        Directory = directory;
        Port = port;
        _extraArguments = extraArguments;
    }

    public string Executable { get; }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server; <paramref name="extraArguments"/> come after the zero-loss ones, so they override them.</summary>
    public static async Task<RedisServer> StartAsync(params string[] extraArguments)
    {
        var server = new RedisServer(FindExecutable(), CreateDirectory(), FreePort(), extraArguments);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the server abruptly (SIGKILL): only what reached the append-only file survives.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port and directory after <see cref="KillAsync"/>.</summary>
    public Task StartAgainAsync() => IsRunning ? Task.CompletedTask : StartProcessAsync();

    public async Task RestartAsync()
    {
        await KillAsync();
        await StartProcessAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test run over it.
        }
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var arg in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", Directory,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no", "--protected-mode", "no",
        }.Concat(_extraArguments))
        {
            start.ArgumentList.Add(arg);
        }
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                lock (output) throw new InvalidOperationException($"redis-server exited at start (code {process.ExitCode}):\n{output}");
            }
            if (await AnswersPingAsync()) return;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        lock (output) throw new TimeoutException($"redis-server did not answer PING on port {Port} within {StartTimeout}:\n{output}");
    }

    /// <summary>True once the server answers PING with PONG (not while it is still loading the append-only file).</summary>
    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string FindExecutable()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin").Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, "redis-server"));
        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "redis-server is not installed, so the Redis store tests cannot run (they never skip). Run the README test " +
            "command, `bash tests/run-all.sh`, which installs the Debian package redis-server, or `apt-get install redis-server`.");
    }

    private static string CreateDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatops-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
