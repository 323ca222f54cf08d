using System.Globalization;
using System.Text;
using ChatOps.Adapters.Slack.Signing;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Bot.Hosting;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// The product as shipped: <see cref="ChatOpsHost.Build"/> (Program.cs's composition) on Kestrel with its SQLite store and
/// background pumps, Slack enabled by configuration and pointed at the loopback stand-in. A signed slash command
/// comes back as an incident channel with its pinned status message and a reply through <c>response_url</c>.
/// </summary>
public sealed class SlackThroughTheRealHostTests
{
    [Fact]
    public async Task SignedDeclare_CreatesTheChannel_PinsTheStatus_AndReplies()
    {
        await using var slack = await SlackStandIn.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), "chatops-slack-host", $"{Guid.NewGuid():N}.db");
        var app = ChatOpsHost.Build([
            "--urls=http://127.0.0.1:0", "--environment=Production", $"--Store:Sqlite:Path={database}", "--Api:Keys:0=test-key",
            "--Delivery:PollInterval=00:00:00.200", "--Logging:LogLevel:Default=Warning",
            "--Slack:Enabled=true", $"--Slack:SigningSecret={SlackBot.Secret}", "--Slack:BotToken=xoxb-test-token",
            $"--Slack:AllowedTeamIds:0={SlackPayloads.Team}", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:MinPostInterval=00:00:00.010",
        ]);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var body = SlackPayloads.SlashCommand("declare Checkout down --sev 1 --service payments")
                .Replace("https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F111%2Fxxxxx", Uri.EscapeDataString(slack.ResponseUrl), StringComparison.Ordinal);
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
            request.Headers.Add("X-Slack-Request-Timestamp", ts);
            request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Signature(SlackBot.Secret, ts, Encoding.UTF8.GetBytes(body)));

            using var ack = await client.SendAsync(request);

            Assert.True(ack.IsSuccessStatusCode, $"{ack.StatusCode}");
            var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
            while (DateTimeOffset.UtcNow < deadline && (slack.CallsOf("pins.add").Count == 0 || slack.CallsOf("response_url").Count == 0))
            {
                await Task.Delay(50);
            }
            Assert.Equal("inc-1-checkout-down", (string?)Assert.Single(slack.CallsOf("conversations.create")).Arguments["name"]);
            Assert.Single(slack.CallsOf("pins.add"));
            Assert.Contains("INC-1", Assert.Single(slack.CallsOf("response_url")).Arguments.ToJsonString(), StringComparison.Ordinal);
            Assert.Empty(slack.Calls.SelectMany(WebApiSpec.Violations));

            using var forged = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
            forged.Headers.Add("X-Slack-Request-Timestamp", ts);
            forged.Headers.Add("X-Slack-Signature", "v0=" + new string('a', 64));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }
}
