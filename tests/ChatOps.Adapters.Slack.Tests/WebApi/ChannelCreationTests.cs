using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Adapters.Slack.WebApi;

namespace ChatOps.Adapters.Slack.Tests.WebApi;

/// <summary>
/// <c>conversations.create</c> is not idempotent: a bot stopped after Slack made the channel but before binding it meets
/// <c>name_taken</c> on the retry. Its own channel is found (<c>users.conversations</c>, paged) and reused.
/// </summary>
public sealed class ChannelCreationTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private SlackStandIn _slack = null!;
    private SlackWebApi _api = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync();
        var options = SlackClients.Options(_slack.ApiBaseUrl);
        options.RequestTimeout = TimeSpan.FromSeconds(30); // no test here is about timeouts: a slow, busy machine must not retry calls
        _api = SlackClients.WebApi(options, _http);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task NameTakenByItsOwnEarlierChannel_ReusesIt_FoundOnALaterPage()
    {
        for (var i = 0; i < 450; i++) _slack.AddChannel(new StandInChannel($"CX{i}", $"team-{i}"));
        for (var i = 0; i < 1000; i++) _slack.AddChannel(new StandInChannel($"CN{i}", $"not-joined-{i}", IsMember: false));
        _slack.AddChannel(new StandInChannel("CMINE", "inc-7-db-down", IsPrivate: true));

        var id = await _api.CreateChannelAsync("inc-7-db-down", isPrivate: true, default);

        Assert.Equal("CMINE", id);
        Assert.Single(_slack.CallsOf("conversations.create"));
        var pages = _slack.CallsOf("users.conversations");
        Assert.Equal([null, "offset:200", "offset:400"], pages.Select(p => (string?)p.Arguments["cursor"]));
        Assert.All(pages, p => Assert.Equal(("public_channel,private_channel", "true"), ((string?)p.Arguments["types"], (string?)p.Arguments["exclude_archived"])));
        Assert.Empty(_slack.Calls.SelectMany(WebApiSpec.Violations));
    }

    [Fact]
    public async Task NameTakenBySomeoneElsesChannel_GetsASuffix()
    {
        _slack.AddChannel(new StandInChannel("CTHEIRS", "inc-7-db-down", IsMember: false));

        var id = await _api.CreateChannelAsync("inc-7-db-down", isPrivate: false, default);

        Assert.NotEqual("CTHEIRS", id);
        // Distinct: on a loaded machine a create may time out after Slack made the channel; its retry then finds it.
        Assert.Equal(["inc-7-db-down", "inc-7-db-down-2"], _slack.CallsOf("conversations.create").Select(c => (string)c.Arguments["name"]!).Distinct());
    }

    [Fact]
    public async Task NameTakenByAnArchivedChannel_GetsASuffix()
    {
        _slack.AddChannel(new StandInChannel("COLD", "inc-7-db-down", IsArchived: true));

        var id = await _api.CreateChannelAsync("inc-7-db-down", isPrivate: false, default);

        Assert.NotEqual("COLD", id);
        Assert.Equal("inc-7-db-down-2", (string?)_slack.CallsOf("conversations.create")[^1].Arguments["name"]);
    }

    [Fact]
    public async Task AListWhoseCursorRepeats_EndsTheSearch()
    {
        const string Again = """{"ok":true,"channels":[],"response_metadata":{"next_cursor":"again"}}""";
        _slack.Script("users.conversations", new StandInReply(200, Again), new StandInReply(200, Again), new StandInReply(200, Again));

        var found = await _api.FindOwnChannelAsync("inc-7-db-down", default);

        Assert.Null(found);
        Assert.Equal(2, _slack.CallsOf("users.conversations").Count);
    }

    [Fact]
    public async Task EveryNameTakenBySomeoneElse_GivesUpWithNameTaken()
    {
        _slack.AddChannel(new StandInChannel("CA", "inc-7-db-down", IsMember: false));
        for (var i = 2; i <= 5; i++) _slack.AddChannel(new StandInChannel($"C{i}", $"inc-7-db-down-{i}", IsMember: false));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _api.CreateChannelAsync("inc-7-db-down", isPrivate: false, default));

        Assert.Equal(("name_taken", false), (error.Error, error.Transient));
        Assert.Equal(5, _slack.CallsOf("conversations.create").Select(c => (string)c.Arguments["name"]!).Distinct().Count());
    }
}
