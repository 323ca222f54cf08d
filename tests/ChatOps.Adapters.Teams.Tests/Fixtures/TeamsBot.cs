using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Hosting;
using ChatOps.Adapters.Teams.Inbound;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Core.Catalog;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Ports;
using ChatOps.Stores.Sqlite;
using ChatOps.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>
/// The Teams adapter in an ASP.NET Core test host with the real dispatcher on a SQLite file, the in-memory inbound
/// queue and platform directory, a fake clock, the loopback key server for inbound tokens and a recording connector.
/// </summary>
internal sealed class TeamsBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private TeamsBot(WebApplication app, string dataDir, KeyServer keys)
    {
        _app = app;
        _dataDir = dataDir;
        Keys = keys;
        Client = app.GetTestClient();
    }

    public KeyServer Keys { get; }
    public HttpClient Client { get; }
    public FakeTimeProvider Clock => (FakeTimeProvider)_app.Services.GetRequiredService<TimeProvider>();
    public InMemoryInboundQueue Queue => (InMemoryInboundQueue)_app.Services.GetRequiredService<IInboundQueue>();
    public InMemoryPlatformDirectory Directory => (InMemoryPlatformDirectory)_app.Services.GetRequiredService<IPlatformDirectory>();
    public RecordingConnector Connector => _app.Services.GetRequiredService<RecordingConnector>();
    public TeamsActivityProcessor Processor => _app.Services.GetRequiredService<TeamsActivityProcessor>();
    public TeamsMessageSender Sender => _app.Services.GetRequiredService<TeamsMessageSender>();
    public IOutboxStore Outbox => _app.Services.GetRequiredService<SqliteStore>();
    public IIncidentStore Store => _app.Services.GetRequiredService<SqliteStore>();

    public static async Task<TeamsBot> StartAsync(Dictionary<string, string?>? settings = null, string environment = "Production", KeyServer? keys = null)
    {
        keys ??= await KeyServer.StartAsync();
        if (keys.BotFrameworkKeys.Count == 0) keys.BotFrameworkKeys.Add(new TestKey("bf-1", "msteams"));
        var dataDir = Path.Combine(Path.GetTempPath(), "chatops-teams-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        var config = new Dictionary<string, string?>
        {
            ["Teams:Enabled"] = "true",
            ["Teams:AppId"] = Tokens.AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = keys.BotFrameworkMetadataUrl,
            ["Teams:EntraOpenIdMetadataUrl"] = keys.EntraMetadataUrl,
            ["Teams:IncidentsChannel"] = "incidents-room",
        };
        foreach (var (k, v) in settings ?? []) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IInboundQueue, InMemoryInboundQueue>();
        services.AddSingleton<IPlatformDirectory, InMemoryPlatformDirectory>();
        services.AddSingleton(sp => SqliteStoreFactory.Open(new SqliteStoreOptions { Path = Path.Combine(dataDir, "chatops.db") }, clock));
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton(new BridgeSettings());
        services.AddSingleton(new ServiceCatalog([
            new ServiceEntry { Name = "payments", StakeholderChannel = "payments-stakeholders", ServiceOwner = "dana" },
            new ServiceEntry { Name = "general", StakeholderChannel = "incidents" },
        ]));
        services.AddSingleton<IncidentBridge>();
        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<RecordingConnector>();
        services.AddSingleton<FakeBotTokenSource>();
        services.AddSingleton<IBotTokenSource>(sp => sp.GetRequiredService<FakeBotTokenSource>());
        services.AddSingleton<CountingOutboxWakeup>();
        services.AddSingleton<IOutboxWakeup>(sp => sp.GetRequiredService<CountingOutboxWakeup>());
        services.AddTeamsAdapter(builder.Configuration);
        services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<RecordingConnector>());

        var app = builder.Build();
        app.MapTeamsEndpoints();
        await app.StartAsync();
        return new TeamsBot(app, dataDir, keys);
    }

    public FakeBotTokenSource TokenSource => _app.Services.GetRequiredService<FakeBotTokenSource>();

    /// <summary>How often the adapter asked the host to deliver the outbox now.</summary>
    public int OutboxWakeups => _app.Services.GetRequiredService<CountingOutboxWakeup>().Count;

    /// <summary>Posts an activity with a valid Bot Framework token for its service URL, unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = "valid")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token == "valid") token = Tokens.Create(Keys.BotFrameworkKeys[0], Clock.GetUtcNow(), (string)activity["serviceUrl"]!);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    /// <summary>Works off everything the endpoint recorded, as the host's inbound pump would.</summary>
    public async Task ProcessInboxAsync()
    {
        var now = Clock.GetUtcNow();
        foreach (var item in await Queue.ClaimAsync(now, "test", TimeSpan.FromMinutes(1), 100, CancellationToken.None))
        {
            await Processor.HandleAsync(item, CancellationToken.None);
            await Queue.CompleteAsync(item.Id, now, CancellationToken.None);
        }
    }

    /// <summary>Delivers the outbox to Teams the way the host's pump does; returns how many went to a Teams conversation.</summary>
    public async Task<int> DeliverOutboxAsync()
    {
        var now = Clock.GetUtcNow();
        var delivered = 0;
        foreach (var entry in await Outbox.ClaimAsync(now, "test", TimeSpan.FromMinutes(1), 100, CancellationToken.None))
        {
            var m = entry.Message!; // Teams queues no replies in the outbox: a reply that fails reruns its inbound item
            var card = CardComposer.Compose(m.Kind, m.Snapshot, m.Text);
            if (await Sender.DeliverAsync(new TeamsOutbound(entry.MessageKey, m.Channel, m.Kind, card, m.Snapshot), CancellationToken.None)) delivered++;
            await Outbox.MarkDeliveredAsync(entry.Id, now, CancellationToken.None);
        }
        return delivered;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Keys.DisposeAsync();
        if (System.IO.Directory.Exists(_dataDir)) System.IO.Directory.Delete(_dataDir, recursive: true);
    }
}

/// <summary>Stands for the host's outbox pump wake-up: counts the times an adapter raised it.</summary>
internal sealed class CountingOutboxWakeup : IOutboxWakeup
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Raise() => Interlocked.Increment(ref _count);
}
