using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Activities;
using ChatOps.Adapters.Teams.Hosting;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Teams.Tests.Outbound;

/// <summary>Bot Connector calls: token only to allow-listed hosts, retries with backoff on 429/412/502/504, size limit.</summary>
public sealed class ConnectorClientTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingConnector _connector = new();
    private readonly FakeBotTokenSource _tokens = new();
    private readonly HttpClient _http;

    public ConnectorClientTests() => _http = new HttpClient(_connector);

    private ConnectorClient Client(bool disableAuthentication = false, string environment = "Production") =>
        new(_http, _tokens, Policy(disableAuthentication, environment), new ConversationThrottle(new InProcessRateGate(), _clock), _clock, NullLogger<ConnectorClient>.Instance);

    internal static ServiceUrlPolicy Policy(bool disableAuthentication = false, string environment = "Production") =>
        new(Options.Create(new TeamsOptions { DisableAuthentication = disableAuthentication }), new HostingEnvironment { EnvironmentName = environment });

    private static ConversationReference To(string serviceUrl = TeamsActivities.ServiceUrl) => new(serviceUrl, "19:abc@thread.tacv2;messageid=1");

    /// <summary>
    /// Moves fake time until the call finishes. The short real waits only give the client's own async work a chance
    /// to run (on a loaded machine it lags behind a tight loop, and a retry delay registered after the loop gave up
    /// would never fire); the bound turns a stuck call into a failure instead of a hang.
    /// </summary>
    private async Task<T> RunAsync<T>(Task<T> task)
    {
        var real = System.Diagnostics.Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            Assert.True(real.Elapsed < TimeSpan.FromSeconds(60), "the connector call did not finish within 60 s of real time");
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(task, Task.Delay(2));
        }
        return await task;
    }

    [Fact]
    public async Task Send_ToAllowListedHost_CarriesTheTokenAndEscapesTheConversationId()
    {
        var id = await Client().SendAsync(To(), MessageActivities.Text("hi"), CancellationToken.None);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("activity-1", id);
        Assert.Equal($"Bearer {FakeBotTokenSource.Token}", call.Authorization);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities", call.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.example.com/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("http://127.0.0.1:56150/_connector")]
    public async Task ServiceUrlOutsideTheAllowList_GetsNothing(string serviceUrl)
    {
        await Assert.ThrowsAsync<TeamsDeliveryException>(() => Client().SendAsync(To(serviceUrl), MessageActivities.Text("hi"), CancellationToken.None));

        Assert.Empty(_connector.Calls);
        Assert.Equal(0, _tokens.Requests);
    }

    [Fact]
    public async Task Playground_OnLoopbackInDevelopmentWithAuthenticationOff_GetsCallsWithoutToken()
    {
        await Client(disableAuthentication: true, environment: "Development")
            .SendAsync(To("http://127.0.0.1:56150/_connector"), MessageActivities.Text("hi"), CancellationToken.None);

        Assert.Null(Assert.Single(_connector.Calls).Authorization);
        Assert.Equal(0, _tokens.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc", true)]
    [InlineData("https://botframework.com.evil.example.com/", false)]
    public void Policy_AllowsMicrosoftHostsAndTheirSubdomainsOnly(string url, bool allowed) =>
        Assert.Equal(allowed ? ServiceUrlTrust.WithToken : ServiceUrlTrust.Refused, Policy().Judge(new Uri(url)));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientFailure_IsRetried(HttpStatusCode status)
    {
        _connector.Failures.Enqueue(status);
        _connector.Failures.Enqueue(status);

        var id = await RunAsync(Client().SendAsync(To(), MessageActivities.Text("hi"), CancellationToken.None));

        Assert.Equal(3, _connector.Calls.Count);
        Assert.NotNull(id);
    }

    [Fact]
    public async Task RetryAfter_IsHonoured()
    {
        _connector.Failures.Enqueue(HttpStatusCode.TooManyRequests);
        _connector.RetryAfterSeconds = "30";
        var start = _clock.GetUtcNow();

        await RunAsync(Client().SendAsync(To(), MessageActivities.Text("hi"), CancellationToken.None));

        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromSeconds(30));
        Assert.Equal(2, _connector.Calls.Count);
    }

    [Fact]
    public async Task PermanentFailure_IsNotRetried()
    {
        _connector.Failures.Enqueue(HttpStatusCode.Forbidden);

        var failure = await Assert.ThrowsAsync<TeamsDeliveryException>(() => Client().SendAsync(To(), MessageActivities.Text("hi"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, failure.Status);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task TransientFailure_GivesUpAfterFiveAttempts()
    {
        for (var i = 0; i < 10; i++) _connector.Failures.Enqueue(HttpStatusCode.BadGateway);

        await Assert.ThrowsAsync<TeamsDeliveryException>(() => RunAsync(Client().SendAsync(To(), MessageActivities.Text("hi"), CancellationToken.None)));

        Assert.Equal(ConnectorClient.MaxAttempts, _connector.Calls.Count);
    }

    [Fact]
    public async Task OversizedActivity_IsRefusedBeforeSending()
    {
        var activity = new JsonObject { ["type"] = "message", ["text"] = new string('x', ConnectorClient.MaxActivityBytes + 1) };

        await Assert.ThrowsAsync<TeamsDeliveryException>(() => Client().SendAsync(To(), activity, CancellationToken.None));

        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitter()
    {
        var first = ConnectorClient.Backoff(1, null);
        var third = ConnectorClient.Backoff(3, null);
        Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(third, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        _http.Dispose();
        _connector.Dispose();
    }
}
