using System.Net;
using System.Net.Http.Json;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Api;

public sealed class CommandApiTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Declare_ReturnsIdRepliesAndAdaptiveCard()
    {
        var response = await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal("INC-1", body["incident"]!.GetValue<string>());
        var reply = body["replies"]!.AsArray()[0]!.AsObject();
        Assert.Contains("INC-1", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AdaptiveCard", reply["card"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResponseText_KeepsBackticksAndAngleBracketsAsTyped()
    {
        var response = await _host.CommandAsync("incident declare `checkout-v2` returns <500> & retries --service payments");

        // The raw body, not a parsed one: parsing would hide \u0060 and \u003C escapes.
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("`checkout-v2` returns <500> & retries", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", raw, StringComparison.Ordinal);
        var listed = await _host.Client.GetStringAsync("/api/incidents");
        Assert.Contains("`checkout-v2` returns <500> & retries", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareAckResolve_MovesTheIncidentThroughItsLifecycle()
    {
        await _host.CommandAsync("incident declare Search is slow --sev 3 --service search");
        var ack = await _host.CommandAsync("ack INC-1", user: "sam");
        var resolve = await _host.CommandAsync("resolve INC-1 Rolled back the index change", user: "sam");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var incident = await _host.IncidentAsync("INC-1");
        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        Assert.Equal("sam", incident.Commander?.Name);
        Assert.NotNull(incident.ResolvedAt);
    }

    [Fact]
    public async Task CommandInTheIncidentChannel_ImpliesTheIncident()
    {
        await _host.CommandAsync("incident declare Search is slow --service search");
        var channel = (await _host.IncidentAsync("INC-1")).Channel;

        var ack = await _host.CommandAsync("ack", user: "sam", channel: channel);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(IncidentStatus.Investigating, (await _host.IncidentAsync("INC-1")).Status);
    }

    [Fact]
    public async Task ParseError_Returns400WithTheUsageLine()
    {
        var response = await _host.CommandAsync("sev INC-1 9");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(body["error"]!.GetValue<string>()));
        Assert.Contains("sev", body["usage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIncident_Returns404()
    {
        var response = await _host.CommandAsync("ack INC-42");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("INC-42", (await response.ReadObjectAsync())["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveWithoutCommander_Returns409WithTheReason()
    {
        await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");

        var response = await _host.CommandAsync("resolve INC-1 it went away", user: "bob");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Contains("commander", body["error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(IncidentStatus.Declared, (await _host.IncidentAsync("INC-1")).Status);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"user":{"id":"a"},"channel":{"id":"general"}}""", "\"text\" is required")]
    [InlineData("""{"channel":{"id":"general"},"text":"list"}""", "\"user\" is required")]
    [InlineData("""{"user":{"name":"a"},"text":"list"}""", "\"channel\" is required")]
    [InlineData("null", "JSON object")]
    public async Task MalformedBody_Returns400WithAClearError(string json, string expected)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await _host.Client.PostAsync("/api/commands", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadObjectAsync())["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedIdempotencyKey_ChangesNothingAndAnswersTheSame()
    {
        var first = await _host.CommandAsync("incident declare Checkout is failing --service payments", idempotencyKey: "retry-1");
        var second = await _host.CommandAsync("incident declare Checkout is failing --service payments", idempotencyKey: "retry-1");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.ReadObjectAsync())["incident"]!.GetValue<string>(), (await second.ReadObjectAsync())["incident"]!.GetValue<string>());
        Assert.Single(await (await _host.Client.GetAsync("/api/incidents")).ReadArrayAsync());
    }

    [Fact]
    public async Task CardAction_RunsTheVerbAsACommand()
    {
        await _host.CommandAsync("incident declare Checkout is failing --service payments");

        var response = await _host.Client.PostAsJsonAsync("/api/cards/actions", new
        {
            verb = "ack",
            incident = "INC-1",
            inputs = new Dictionary<string, string>(),
            user = new { id = "dana", name = "dana" },
            channel = new { id = "general", name = "general" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IncidentStatus.Investigating, (await _host.IncidentAsync("INC-1")).Status);
    }

    [Fact]
    public async Task NonJsonContentType_GetsAJsonError()
    {
        using var content = new StringContent("text=ack", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await _host.Client.PostAsync("/api/commands", content);

        Assert.False(response.IsSuccessStatusCode);
        Assert.False((await response.ReadObjectAsync())["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConsoleCommand_IsRecordedInTheChannel_ApiCommandIsNot()
    {
        await _host.CommandAsync("list", channel: "api-room");
        var console = await _host.Client.PostAsJsonAsync("/api/console/commands", new
        {
            user = new { id = "erin", name = "Erin" },
            channel = new { id = "war-room", name = "war-room" },
            text = "help ack",
        });

        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        var transcript = _host.Service<ChatOps.Core.Ports.IConsoleTranscript>();
        var warRoom = await transcript.ReadAsync("war-room", 0, 100, CancellationToken.None);
        Assert.Equal(["Erin", "ChatOps"], warRoom.Select(m => m.Author));
        Assert.Equal("help ack", warRoom[0].Text);
        Assert.Empty(await transcript.ReadAsync("api-room", 0, 100, CancellationToken.None));
    }
}
