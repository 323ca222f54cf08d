using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using ChatOps.Adapters.Slack.Endpoints;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

/// <summary>
/// <c>app_rate_limited</c> (no inner event, no <c>event_id</c>): answered 200 like any delivery, and made visible to the
/// operator as a warning, a counter and a degraded health check, since events in that hour are lost.
/// </summary>
public sealed class AppRateLimitedTests
{
    [Fact]
    public async Task AppRateLimited_IsAcknowledged_Logged_Counted_AndDegradesHealth()
    {
        var logs = new CapturedLogs();
        await using var bot = await SlackBot.StartAsync(logs: logs);
        var meters = bot.Services.GetRequiredService<IMeterFactory>();
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == SlackEventLimits.CounterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        var minute = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60;
        var body = $$"""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","type":"app_rate_limited","team_id":"{{SlackPayloads.Team}}","minute_rate_limited":{{minute}},"api_app_id":"A111"}""";

        var response = await bot.PostAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Queue.All);
        var warning = Assert.Single(logs.Lines, l => l.EventId.Id == 4401);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(minute.ToString(CultureInfo.InvariantCulture), warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, Interlocked.Read(ref counted));
        var health = (await bot.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["slack-events"];
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal(1L, health.Data["rateLimitedNotices"]);
    }

    [Fact]
    public async Task AppRateLimited_WithABadSignature_Is401_AndNotCounted()
    {
        await using var bot = await SlackBot.StartAsync();

        var response = await bot.PostAsync("/slack/events", """{"type":"app_rate_limited","team_id":"T111","minute_rate_limited":1518467820}""", "application/json", signature: "v0=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, bot.Services.GetRequiredService<SlackEventLimits>().Count);
    }

    [Fact]
    public async Task Health_IsDegradedForAnHourAfterTheLimitedMinute_ThenHealthyAgain()
    {
        var minute = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(minute.AddMinutes(30));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var limits = new SlackEventLimits(services.GetRequiredService<IMeterFactory>(), clock, NullLogger<SlackEventLimits>.Instance);
        limits.Record(new ChatOps.Adapters.Slack.Inbound.AppRateLimited("T111", minute.ToUnixTimeSeconds(), "A111"));

        var during = await limits.CheckHealthAsync(new HealthCheckContext());
        clock.Advance(TimeSpan.FromMinutes(31));
        var after = await limits.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Degraded, HealthStatus.Healthy), (during.Status, after.Status));
        Assert.Equal(1L, after.Data["rateLimitedNotices"]);
    }
}
