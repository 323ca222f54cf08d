using System.Diagnostics.Metrics;
using ChatOps.Adapters.Slack.Inbound;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>
/// Slack's <c>app_rate_limited</c> notices: past 30,000 events an hour per workspace Slack stops delivering events, so
/// reactions and pins in that hour never reach the timeline. Each notice is logged, counted (metric
/// <c>chatops.slack.events.rate_limited</c> of meter <c>ChatOps.Slack</c>) and shown on <c>/healthz</c> as degraded for
/// an hour after the limited minute.
/// </summary>
internal sealed partial class SlackEventLimits : IHealthCheck
{
    public const string MeterName = "ChatOps.Slack";
    public const string CounterName = "chatops.slack.events.rate_limited";
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly Counter<long> _counter;
    private readonly TimeProvider _clock;
    private readonly ILogger<SlackEventLimits> _logger;
    private long _count;
    private long _lastMinute;

    public SlackEventLimits(IMeterFactory meters, TimeProvider clock, ILogger<SlackEventLimits> logger)
    {
        _counter = meters.Create(MeterName).CreateCounter<long>(CounterName, description: "app_rate_limited notices received from Slack's Events API");
        _clock = clock;
        _logger = logger;
    }

    public long Count => Interlocked.Read(ref _count);

    public void Record(AppRateLimited notice)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Exchange(ref _lastMinute, notice.MinuteRateLimited);
        _counter.Add(1, new KeyValuePair<string, object?>("team_id", notice.TeamId));
        LogRateLimited(notice.TeamId, DateTimeOffset.FromUnixTimeSeconds(notice.MinuteRateLimited), notice.MinuteRateLimited, notice.ApiAppId);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = Count;
        var last = Interlocked.Read(ref _lastMinute);
        var data = new Dictionary<string, object> { ["rateLimitedNotices"] = count };
        if (count == 0) return Task.FromResult(HealthCheckResult.Healthy("Slack delivers events.", data));
        var since = DateTimeOffset.FromUnixTimeSeconds(last);
        data["lastMinuteRateLimited"] = since;
        return Task.FromResult(_clock.GetUtcNow() - since < Window
            ? HealthCheckResult.Degraded($"Slack rate-limited event deliveries from {since:u}: reactions and pins since then may be missing from timelines.", data: data)
            : HealthCheckResult.Healthy("Slack delivers events.", data));
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning,
        Message = "Slack rate-limited event deliveries for workspace {TeamId} from {MinuteRateLimited:u} (minute_rate_limited {MinuteEpoch}, app {ApiAppId}): events beyond 30,000 an hour are not delivered")]
    private partial void LogRateLimited(string? teamId, DateTimeOffset minuteRateLimited, long minuteEpoch, string? apiAppId);
}
