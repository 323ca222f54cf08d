using System.Globalization;
using System.Text;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.Endpoints;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Signing;
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
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>
/// The Slack adapter in an ASP.NET Core test host: the real dispatcher on a SQLite file, the in-memory inbound queue
/// and platform directory, and the Web API pointed at a loopback stand-in for slack.com/api.
/// </summary>
internal sealed class SlackBot : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private readonly WebApplication _app;
    private readonly string _dataDir;
    private bool _ownsData = true;

    private SlackBot(WebApplication app, string dataDir, SlackStandIn slack)
    {
        _app = app;
        _dataDir = dataDir;
        Slack = slack;
        Client = app.GetTestClient();
    }

    public SlackStandIn Slack { get; }
    public HttpClient Client { get; }
    public InMemoryInboundQueue Queue => (InMemoryInboundQueue)_app.Services.GetRequiredService<IInboundQueue>();
    public IInboundQueue DurableQueue => _app.Services.GetRequiredService<IInboundQueue>();
    public InMemoryPlatformDirectory Directory => (InMemoryPlatformDirectory)_app.Services.GetRequiredService<IPlatformDirectory>();
    public SlackMessageSender Sender => _app.Services.GetRequiredService<SlackMessageSender>();
    public IInboundHandler Handler => _app.Services.GetRequiredService<IInboundHandler>();
    public SqliteStore Store => _app.Services.GetRequiredService<SqliteStore>();
    public IServiceProvider Services => _app.Services;

    /// <param name="dataDir">Reuse a data folder (a restart); its SQLite file then also holds the inbound queue and directory.</param>
    /// <param name="logs">Receives the host's log lines (none are kept otherwise).</param>
    public static async Task<SlackBot> StartAsync(Dictionary<string, string?>? settings = null, string? dataDir = null, SlackStandIn? slack = null, ILoggerProvider? logs = null)
    {
        slack ??= await SlackStandIn.StartAsync();
        var durable = dataDir is not null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "chatops-slack-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        var config = new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:AllowedTeamIds:0"] = SlackPayloads.Team,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:BotUserId"] = "UBOT",
            ["Slack:Channels:payments-stakeholders"] = "CSTAKE",
            ["Slack:PublicBaseUrl"] = "https://bot.example.com/",
            ["Slack:MinPostInterval"] = "00:00:00.010",
            ["Slack:MaxAttempts"] = "3",
        };
        foreach (var (k, v) in settings ?? []) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SqliteStoreFactory.Open(new SqliteStoreOptions { Path = Path.Combine(dataDir, "chatops.db") }, TimeProvider.System));
        if (durable)
        {
            services.AddSingleton<IInboundQueue>(sp => sp.GetRequiredService<SqliteStore>());
            services.AddSingleton<IPlatformDirectory>(sp => sp.GetRequiredService<SqliteStore>());
        }
        else
        {
            services.AddSingleton<IInboundQueue, InMemoryInboundQueue>();
            services.AddSingleton<IPlatformDirectory, InMemoryPlatformDirectory>();
        }
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton(new BridgeSettings());
        services.AddSingleton(new ServiceCatalog([
            new ServiceEntry { Name = "payments", StakeholderChannel = "payments-stakeholders" },
            new ServiceEntry { Name = "general", StakeholderChannel = "incidents" },
        ]));
        services.AddSingleton<IncidentBridge>();
        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSlackAdapter(builder.Configuration);

        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        return new SlackBot(app, dataDir, slack) { _ownsData = !durable };
    }

    /// <summary>Posts a body signed as Slack would sign it now (or with the given signature).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType = "application/x-www-form-urlencoded", string? signature = null, string? retryNum = null)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature ?? SlackSignatureVerifier.Signature(Secret, ts, bytes));
        if (retryNum is not null) request.Headers.Add("X-Slack-Retry-Num", retryNum);
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> CommandAsync(string text, string channel = SlackPayloads.Channel, string user = SlackPayloads.User) =>
        PostAsync("/slack/commands", SlackPayloads.SlashCommand(text, channel, user).Replace(
            "https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F111%2Fxxxxx", Uri.EscapeDataString(Slack.ResponseUrl), StringComparison.Ordinal)
            .Replace("trigger_id=111.111.xxx", $"trigger_id={Guid.NewGuid():N}", StringComparison.Ordinal));

    /// <summary>Works off everything the endpoints recorded, as the host's inbound pump would.</summary>
    public async Task ProcessInboxAsync()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var item in await DurableQueue.ClaimAsync(now, "test", TimeSpan.FromMinutes(1), 100, CancellationToken.None))
        {
            await Handler.HandleAsync(item, CancellationToken.None);
            await DurableQueue.CompleteAsync(item.Id, now, CancellationToken.None);
        }
    }

    /// <summary>
    /// Delivers the outbox the way the host's pump does: to the Slack sender when it takes the channel, a queued reply
    /// to the reply sink. <paramref name="later"/> moves the claim into the future, past a queued reply's first backoff.
    /// </summary>
    public async Task DeliverOutboxAsync(TimeSpan later = default)
    {
        var now = DateTimeOffset.UtcNow + later;
        foreach (var entry in await Store.ClaimAsync(now, "test", TimeSpan.FromMinutes(1), 100, CancellationToken.None))
        {
            if (entry.Reply is { } reply)
            {
                await Services.GetRequiredService<IReplySink>().DeliverAsync(reply, CancellationToken.None);
                await Store.MarkDeliveredAsync(entry.Id, now, CancellationToken.None);
                continue;
            }
            var m = entry.Message!;
            if (await Sender.HandlesAsync(m.Channel, CancellationToken.None))
            {
                var card = CardComposer.Compose(m.Kind, m.Snapshot, m.Text);
                await Sender.DeliverAsync(new SlackOutbound(entry.MessageKey, m.Channel, m.Kind, card, m.Snapshot), CancellationToken.None);
            }
            await Store.MarkDeliveredAsync(entry.Id, now, CancellationToken.None);
        }
    }

    /// <summary>Stops the bot as a crash would leave it: nothing processed after this; the data folder and the stand-in stay.</summary>
    public async Task StopAsync() => await _app.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (!_ownsData) return;
        await Slack.DisposeAsync();
        if (System.IO.Directory.Exists(_dataDir)) System.IO.Directory.Delete(_dataDir, recursive: true);
    }
}
