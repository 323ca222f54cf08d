using System.Net;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Api;

public sealed class QueryApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(clock: _clock);
        await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        await _host.CommandAsync("incident declare Search is slow --sev 3 --service search");
        await _host.CommandAsync("ack INC-2", user: "sam");
        _clock.Advance(TimeSpan.FromMinutes(60));
        await _host.CommandAsync("impact INC-2 --users 10 --function 20", user: "sam");
        await _host.CommandAsync("resolve INC-2 Rebuilt the index", user: "sam");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListIncidents_FiltersOpenOnes()
    {
        var all = await (await _host.Client.GetAsync("/api/incidents")).ReadArrayAsync();
        var open = await (await _host.Client.GetAsync("/api/incidents?status=open")).ReadArrayAsync();
        var resolved = await (await _host.Client.GetAsync("/api/incidents?status=resolved")).ReadArrayAsync();

        Assert.Equal(2, all.Count);
        Assert.Equal("INC-1", Assert.Single(open)!["id"]!.GetValue<string>());
        Assert.Equal("INC-2", Assert.Single(resolved)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListIncidents_WithUnknownStatus_Returns400()
    {
        var response = await _host.Client.GetAsync("/api/incidents?status=sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Snapshot_HasRolesSeverityStatusImpactAndTimes()
    {
        var snapshot = await (await _host.Client.GetAsync("/api/incidents/INC-2")).ReadObjectAsync();

        Assert.Equal("sev3", snapshot["severity"]!.GetValue<string>());
        Assert.Equal("resolved", snapshot["status"]!.GetValue<string>());
        Assert.Equal("sam", snapshot["roles"]!["commander"]!["name"]!.GetValue<string>());
        Assert.Equal(0.1m, snapshot["impact"]!["usersShare"]!.GetValue<decimal>());
        Assert.NotNull(snapshot["declaredAt"]);
        Assert.NotNull(snapshot["resolvedAt"]);
    }

    [Theory]
    [InlineData("/api/incidents/INC-99")]
    [InlineData("/api/incidents/nonsense")]
    [InlineData("/api/incidents/INC-99/timeline")]
    [InlineData("/api/incidents/INC-99/postmortem")]
    public async Task UnknownIncident_Returns404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Timeline_ListsEveryAcceptedCommandInOrder()
    {
        var timeline = await (await _host.Client.GetAsync("/api/incidents/INC-2/timeline")).ReadArrayAsync();

        var kinds = timeline.Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["declared", "acknowledged", "impact", "resolved"], kinds.Where(k => k != "role-assigned"));
        Assert.Equal(Enumerable.Range(1, timeline.Count).Select(i => (long)i), timeline.Select(e => e!["sequence"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Postmortem_IsMarkdown()
    {
        var response = await _host.Client.GetAsync("/api/incidents/INC-2/postmortem");

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# INC-2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_ComesOutAsTheSeedSays()
    {
        // 60 minutes, 10 % of users, 20 % of function -> 1.2 adjusted minutes -> 99.99 % over a 10,080-minute week.
        var to = _clock.GetUtcNow();
        var from = to.AddDays(-7);
        var report = await (await _host.Client.GetAsync($"/api/availability?service=search&from={from:O}&to={to:O}".Replace("+", "%2B", StringComparison.Ordinal))).ReadObjectAsync();

        var search = Assert.Single(report["services"]!.AsArray())!;
        Assert.Equal(1.2m, search["outageMinutes"]!.GetValue<decimal>());
        Assert.Equal(99.99m, search["rounded"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Availability_ForUnknownService_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync("/api/availability?service=teleport")).StatusCode);
    }

    [Fact]
    public async Task Availability_WithBadTime_Returns400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.GetAsync("/api/availability?from=yesterday")).StatusCode);
    }

    [Fact]
    public async Task Healthz_ReportsTheStoreHealthy()
    {
        var response = await _host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).ReadObjectAsync();

        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/commands", paths.Select(p => p.Key));
        Assert.Contains("/api/incidents/{id}", paths.Select(p => p.Key));
        Assert.Contains("/api/availability", paths.Select(p => p.Key));
    }
}
