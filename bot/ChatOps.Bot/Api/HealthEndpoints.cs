using System.Text.Json;
using ChatOps.Core.Ports;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Api;

/// <summary><c>GET /healthz</c>: healthy when the store answers; reports the outbox and timer backlog.</summary>
internal sealed class StoreHealthCheck(IOutboxStore outbox, ITimerStore timers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pendingMessages = await outbox.CountPendingAsync(cancellationToken);
            var pendingTimers = await timers.CountPendingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The store answers.", new Dictionary<string, object>
            {
                ["pendingMessages"] = pendingMessages,
                ["pendingTimers"] = pendingTimers,
            });
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", ex);
        }
    }
}

internal static class HealthEndpoints
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description, error = e.Value.Exception?.Message, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
