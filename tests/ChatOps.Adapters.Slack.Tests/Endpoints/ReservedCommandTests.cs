using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Tests.Fixtures;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

/// <summary><c>/oncall</c> and <c>/change</c> are registered but not served yet: a polite pointer to <c>/incident</c>, nothing recorded.</summary>
public sealed class ReservedCommandTests : IAsyncLifetime
{
    private SlackBot _bot = null!;

    public async Task InitializeAsync() => _bot = await SlackBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonNode Answer)> SendAsync(string command, string text)
    {
        var body = SlackPayloads.SlashCommand(text).Replace("command=%2Fincident", "command=" + Uri.EscapeDataString(command), StringComparison.Ordinal);
        var response = await _bot.PostAsync("/slack/commands", body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Theory]
    [InlineData("/oncall", "who")]
    [InlineData("/change", "deploy api v42")]
    public async Task ReservedCommand_AnswersNotAvailableYet_PointsToIncident_AndRecordsNothing(string command, string text)
    {
        var (status, answer) = await SendAsync(command, text);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        Assert.Contains("not available yet", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Contains("/incident", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Empty(_bot.Queue.All);
        Assert.Empty(_bot.Slack.Calls);
    }

    [Fact]
    public async Task UnknownCommand_PointsToIncidentHelp()
    {
        var (status, answer) = await SendAsync("/deploy", "now");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/incident help", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Empty(_bot.Queue.All);
    }
}
