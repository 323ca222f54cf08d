using System.Net.Http.Json;
using ChatOps.Bot.Hosting;
using ChatOps.Core.Incidents;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Hosting;

/// <summary>
/// The real host (Kestrel on 127.0.0.1, a free port) over a SQLite file of its own, built by the same
/// <see cref="ChatOpsHost.Build"/> as Program.cs. A <see cref="FakeTimeProvider"/> replaces the clock when given.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private TestHost(WebApplication app, HttpClient client, string databasePath, FakeTimeProvider? clock, bool ownsDatabase)
    {
        _ownsDatabase = ownsDatabase;
        App = app;
        Client = client;
        DatabasePath = databasePath;
        Clock = clock;
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public string DatabasePath { get; }
    public FakeTimeProvider? Clock { get; }
    public Uri BaseAddress => Client.BaseAddress!;

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "chatops-bot-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>
    /// Starts a host. <paramref name="settings"/> are configuration overrides (<c>Api:Keys:0</c>...). By default the pumps
    /// only run when a test calls RunOnceAsync, so what a test sees does not depend on timing.
    /// </summary>
    public static async Task<TestHost> StartAsync(
        string environment = "Development",
        FakeTimeProvider? clock = null,
        string? databasePath = null,
        bool pumpsInBackground = false,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var ownsDatabase = databasePath is null;
        databasePath ??= NewDatabasePath();
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--environment={environment}",
            $"--Store:Sqlite:Path={databasePath}",
            $"--Delivery:RunInBackground={pumpsInBackground}",
            "--Delivery:PollInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) args.Add($"--{key}={value}");

        var app = ChatOpsHost.Build([.. args], s =>
        {
            if (clock is not null) s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services?.Invoke(s);
        });
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return new TestHost(app, client, databasePath, clock, ownsDatabase);
    }

    /// <summary>Posts a command as <paramref name="user"/> in <paramref name="channel"/>.</summary>
    public Task<HttpResponseMessage> CommandAsync(string text, string user = "alice", string channel = "general", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands")
        {
            Content = JsonContent.Create(new { user = new { id = user, name = user }, channel = new { id = channel, name = channel }, text }),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Client.SendAsync(request);
    }

    public async Task<Incident> IncidentAsync(string id) =>
        IncidentJson.Deserialize<Incident>(await Client.GetStringAsync($"/api/incidents/{id}"))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        // A test that restarts on the same file passes its own path and cleans up nothing here.
        if (!_ownsDatabase) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
    }
}
