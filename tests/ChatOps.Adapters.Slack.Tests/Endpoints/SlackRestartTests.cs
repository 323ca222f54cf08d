using System.Net;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

/// <summary>
/// Slack never resends an acknowledged slash command: one answered with 200 must survive the bot stopping before it
/// ran. Recorded in the SQLite inbound queue, it runs after the restart, creates its channel and posts once.
/// </summary>
public sealed class SlackRestartTests
{
    [Fact]
    public async Task AcknowledgedCommand_SurvivesARestartBeforeItRan_AndIsDeliveredOnce()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "chatops-slack-restart-" + Guid.NewGuid().ToString("N"));
        await using var slack = await SlackStandIn.StartAsync();
        try
        {
            var first = await SlackBot.StartAsync(dataDir: dataDir, slack: slack);
            var ack = await first.CommandAsync("declare Payments down --sev 1 --service payments");
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await first.StopAsync();
            Assert.Empty(slack.CallsOf("conversations.create"));

            await using var second = await SlackBot.StartAsync(dataDir: dataDir, slack: slack);
            await second.ProcessInboxAsync();
            await second.DeliverOutboxAsync();
            await second.ProcessInboxAsync();
            await second.DeliverOutboxAsync();

            Assert.Equal("Payments down", (await second.Store.GetAsync(new IncidentId(1), default))!.Title);
            Assert.Single(slack.CallsOf("conversations.create"));
            Assert.Single(slack.CallsOf("pins.add"));
            Assert.Equal(2, slack.CallsOf("chat.postMessage").Count); // the status card and the stakeholder acknowledgement
        }
        finally
        {
            if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        }
    }
}
