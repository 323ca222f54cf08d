using ChatOps.Adapters.Slack.Tests.Fixtures;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// Through the product as shipped (<see cref="RealSlackHost"/>): a signed slash command comes back as an incident channel
/// with its pinned status message and a reply through <c>response_url</c>.
/// </summary>
public sealed class SlackThroughTheRealHostTests
{
    [Fact]
    public async Task SignedDeclare_CreatesTheChannel_PinsTheStatus_AndReplies()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        await using var host = await RealSlackHost.StartAsync(slack, database.Path);
        var body = RealSlackHost.CommandBody(slack, "declare Checkout down --sev 1 --service payments");

        using var ack = await host.PostAsync("/slack/commands", body);

        Assert.True(ack.IsSuccessStatusCode, $"{ack.StatusCode}");
        await slack.WhenAsync(s => s.CallsOf("pins.add").Count > 0 && s.CallsOf("response_url").Count > 0);
        Assert.Equal("inc-1-checkout-down", (string?)Assert.Single(slack.CallsOf("conversations.create")).Arguments["name"]);
        Assert.Single(slack.CallsOf("pins.add"));
        Assert.Contains("INC-1", Assert.Single(slack.CallsOf("response_url")).Arguments.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(slack.Calls.SelectMany(WebApiSpec.Violations));

        using var forged = await host.PostAsync("/slack/commands", body, signature: "v0=" + new string('a', 64));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
