using System.Text.Json.Nodes;
using ChatOps.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Teams.Tests.EndToEnd;

/// <summary>
/// The whole bot (real host, SQLite, pumps in the background) against Microsoft's Teams emulator on loopback, with
/// authentication off in Development as documented: a channel message declares an incident, the status card opens a
/// thread and is updated in place, Action.Execute acknowledge and resolve round-trip, the stakeholder channel gets
/// the proactive acknowledgement and "service restored", and the post-mortem form submits.
/// </summary>
public sealed class PlaygroundEndToEndTests
{
    private const string General = "team-id";
    private const string Announcements = "channel-announcements-id";

    private static bool IsCreate(JsonObject e, string conversation) =>
        (string?)e["action"] == "createMessage" && (string?)e["actionConversationId"] == conversation;

    private static bool IsCreateIn(JsonObject e, string conversationPrefix) =>
        (string?)e["action"] == "createMessage" && ((string?)e["actionConversationId"])?.StartsWith(conversationPrefix, StringComparison.Ordinal) == true;

    private static bool Mentions(JsonObject e, string text) => e.ToJsonString().Contains(text, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Incident_FromDeclareToPostmortem_InTheTeamsEmulator()
    {
        var work = Path.Combine(Path.GetTempPath(), "chatops-playground-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var app = ChatOpsHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--Store:Sqlite:Path={Path.Combine(work, "chatops.db")}",
            "--Delivery:PollInterval=00:00:00.100",
            "--Logging:LogLevel:Default=Warning",
            $"--Services:0:StakeholderChannel={Announcements}", // the playground sends no channel names: use the id
            "--Teams:Enabled=true",
            "--Teams:DisableAuthentication=true",
            $"--Teams:IncidentsChannel={General}",
        ]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await using var playground = await Playground.StartAsync($"{address}/api/messages", work);
            using var api = new HttpClient { BaseAddress = new Uri(address) };

            // The bot learns the stakeholder channel (its service URL and tenant) by hearing from it.
            await playground.SendAsync(Announcements, "help");
            await playground.WaitForAsync(e => IsCreateIn(e, Announcements + ";"), "the answer to help");

            await playground.SendAsync(General, "incident declare Checkout errors --sev 2 --service payments");
            var reply = await playground.WaitForAsync(e => IsCreateIn(e, General + ";") && Mentions(e, "Declared INC-1"), "the reply to declare");
            Assert.NotNull(reply);

            // The thread: createConversation in the incidents channel, its first message is the status card.
            var card = await playground.WaitForAsync(e => IsCreate(e, General) && e["message"]?["attachments"] is JsonArray, "the incident thread's status card");
            var cardId = (string)card["message"]!["messageId"]!;
            var thread = $"{General};messageid={cardId}";
            Assert.Contains("INC-1", card.ToJsonString(), StringComparison.Ordinal);

            var ack = await playground.WaitForAsync(e => IsCreate(e, Announcements) && Mentions(e, "INC-1"), "the stakeholders' acknowledgement");
            Assert.NotNull(ack);

            var acknowledged = await playground.InvokeAsync(thread, cardId, "ack", new JsonObject { ["incident"] = "INC-1" });
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)acknowledged["type"]);
            Assert.Equal("1.5", (string?)acknowledged["value"]?["version"]);
            await playground.WaitForAsync(e => (string?)e["action"] == "updateMessage" && e.ToJsonString().Contains(cardId, StringComparison.Ordinal), "the status card updated in place");

            var resolved = await playground.InvokeAsync(thread, cardId, "resolve", new JsonObject { ["incident"] = "INC-1", ["text"] = "rolled back the flag" });
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)resolved["type"]);
            var incident = JsonNode.Parse(await api.GetStringAsync("/api/incidents/INC-1"))!;
            Assert.Equal("resolved", (string?)incident["status"]);

            await playground.WaitForAsync(e => IsCreate(e, Announcements) && Mentions(e, "restored"), "the stakeholders' service restored notice");
            var prompt = await playground.WaitForAsync(e => IsCreateIn(e, General) && Mentions(e, "pmRootCause"), "the post-mortem prompt");

            await playground.SubmitAsync(thread, (string)prompt["message"]!["messageId"]!, new JsonObject
            {
                ["verb"] = "postmortem-submit",
                ["incident"] = "INC-1",
                ["pmSummary"] = "Checkout failed for 20 minutes",
                ["pmCategory"] = "configuration",
                ["pmRootCause"] = "A bad feature flag",
            });
            await playground.WaitForAsync(e => IsCreateIn(e, General) && Mentions(e, "post-mortem: recorded"), "the post-mortem answers recorded");
            var draft = await api.GetStringAsync("/api/incidents/INC-1/postmortem");
            Assert.Contains("A bad feature flag", draft, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(work, recursive: true);
        }
    }
}
