using System.Globalization;
using System.Text;
using ChatOps.Adapters.Slack.Signing;
using ChatOps.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>
/// The product as shipped: <see cref="ChatOpsHost.Build"/> (Program.cs's composition) on Kestrel with its SQLite store
/// and background pumps, Slack enabled by configuration and pointed at the loopback stand-in.
/// </summary>
internal sealed class RealSlackHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SlackStandIn _slack;
    private bool _stopped;

    private RealSlackHost(WebApplication app, SlackStandIn slack)
    {
        _app = app;
        _slack = slack;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="database">The SQLite file (a <see cref="HostDatabase"/>); start a second host on the same file to restart the bot.</param>
    /// <param name="settings">Extra command-line settings (<c>--Slack:RequestTimeout=...</c>).</param>
    public static async Task<RealSlackHost> StartAsync(SlackStandIn slack, string database, params string[] settings)
    {
        var app = ChatOpsHost.Build([
            "--urls=http://127.0.0.1:0", "--environment=Production", $"--Store:Sqlite:Path={database}", "--Api:Keys:0=test-key",
            "--Delivery:PollInterval=00:00:00.200", "--Logging:LogLevel:Default=Warning",
            "--Slack:Enabled=true", $"--Slack:SigningSecret={SlackBot.Secret}", "--Slack:BotToken=xoxb-test-token",
            $"--Slack:AllowedTeamIds:0={SlackPayloads.Team}", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:MinPostInterval=00:00:00.010",
            .. settings,
        ]);
        await app.StartAsync();
        return new RealSlackHost(app, slack);
    }

    /// <summary>A slash command body with its replies going to the stand-in's response URL.</summary>
    public static string CommandBody(SlackStandIn slack, string text, string channel = SlackPayloads.Channel) =>
        SlackPayloads.SlashCommand(text, channel)
            .Replace("https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F111%2Fxxxxx", Uri.EscapeDataString(slack.ResponseUrl), StringComparison.Ordinal)
            .Replace("trigger_id=111.111.xxx", $"trigger_id={Guid.NewGuid():N}", StringComparison.Ordinal);

    /// <summary>Sends a signed slash command (replies to the stand-in) in <paramref name="channel"/>; Slack must get a 2xx.</summary>
    public async Task CommandAsync(string text, string channel = SlackPayloads.Channel)
    {
        using var ack = await PostAsync("/slack/commands", CommandBody(_slack, text, channel));
        Assert.True(ack.IsSuccessStatusCode, $"{ack.StatusCode}");
    }

    /// <summary>Posts <paramref name="body"/> signed as Slack would sign it now (or with a forged signature).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType = "application/x-www-form-urlencoded", string? signature = null)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature ?? SlackSignatureVerifier.Signature(SlackBot.Secret, ts, Encoding.UTF8.GetBytes(body)));
        return await Client.SendAsync(request);
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Stops the host (pumps cancelled mid-call, as a crash would leave them); the SQLite file stays.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
    }
}
