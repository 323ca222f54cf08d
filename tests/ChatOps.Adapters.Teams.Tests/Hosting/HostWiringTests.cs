using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using ChatOps.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Adapters.Teams.Tests.Hosting;

/// <summary>
/// The real host with <c>Teams:Enabled</c>: an authenticated channel message is recorded in the SQLite inbound queue,
/// answered 200, processed by the host's inbound pump, and the outbox reaches Teams through the fan-out sink.
/// </summary>
public sealed class HostWiringTests
{
    [Fact]
    public async Task ChannelMessage_ThroughTheHost_DeclaresRepliesAndOpensTheIncidentThread()
    {
        await using var keys = await KeyServer.StartAsync();
        keys.BotFrameworkKeys.Add(new TestKey("bf-1", "msteams"));
        var connector = new RecordingConnector();
        var dir = Path.Combine(Path.GetTempPath(), "chatops-teams-host-" + Guid.NewGuid().ToString("N"));
        var app = ChatOpsHost.Build(
            [
                "--urls=http://127.0.0.1:0",
                "--environment=Production",
                "--Api:Keys:0=test-key-for-host",
                $"--Store:Sqlite:Path={Path.Combine(dir, "chatops.db")}",
                "--Delivery:PollInterval=00:00:00.050",
                "--Logging:LogLevel:Default=Warning",
                "--Teams:Enabled=true",
                $"--Teams:AppId={Tokens.AppId}",
                "--Teams:AppPassword=secret",
                $"--Teams:OpenIdMetadataUrl={keys.BotFrameworkMetadataUrl}",
                "--Teams:IncidentsChannel=incidents-room",
            ],
            services =>
            {
                services.Replace(ServiceDescriptor.Singleton<IBotTokenSource, FakeBotTokenSource>());
                services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => connector);
            });
        await app.StartAsync();
        try
        {
            // A card action wakes the host's own outbox pump, not the adapter's stand-in for hosts without one.
            Assert.Equal("OutboxWakeup", app.Services.GetRequiredService<ChatOps.Core.Ports.IOutboxWakeup>().GetType().Name);
            using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, keys, TeamsActivities.InstallationUpdate(TeamsActivities.IncidentsChannelId, "Incidents room"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, keys, TeamsActivities.ChannelMessage("incident declare Checkout errors --service payments"))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, keys, TeamsActivities.ChannelMessage("incident declare forged"), token: "forged")).StatusCode);

            // The pumps run in the background: wait (bounded) until the new thread was created.
            await connector.WaitForAsync(c => c.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

            Assert.Contains(connector.Calls, c => ((string?)c.Body?["text"])?.Contains("Declared INC-1", StringComparison.Ordinal) == true);
            var create = connector.Calls.Single(c => c.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
            Assert.Equal(TeamsActivities.IncidentsChannelId, (string)create.Body!["channelData"]!["channel"]!["id"]!);
            Assert.DoesNotContain(connector.Calls, c => c.Body?.ToJsonString().Contains("forged", StringComparison.Ordinal) == true);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            connector.Dispose();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, KeyServer keys, System.Text.Json.Nodes.JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        token ??= Tokens.Create(keys.BotFrameworkKeys[0], TimeProvider.System.GetUtcNow(), TeamsActivities.ServiceUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
