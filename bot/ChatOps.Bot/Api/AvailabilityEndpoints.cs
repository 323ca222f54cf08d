using System.Globalization;
using ChatOps.Core.Availability;
using ChatOps.Core.Catalog;
using ChatOps.Core.Ports;

namespace ChatOps.Bot.Api;

/// <summary><c>GET /api/availability?service=&amp;from=&amp;to=</c>: seed 001's adjusted availability per service and overall.</summary>
internal static class AvailabilityEndpoints
{
    /// <summary>Without <c>from</c>, the report covers the week before <c>to</c> (10,080 minutes, as in the seed).</summary>
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    public static void MapAvailabilityEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/availability", GetAsync)
            .WithName("GetAvailability")
            .WithTags("Availability")
            .WithSummary("Availability per service over [from, to) (ISO 8601; default: the last 7 days), and across services by the points rule.")
            .Produces<AvailabilityReport>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetAsync(string? service, string? from, string? to, IIncidentStore store, ServiceCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!TryTime(to, now, out var end)) return ApiResults.Error(400, $"\"to\" is not an ISO 8601 time: {to}");
        if (!TryTime(from, end - DefaultPeriod, out var start)) return ApiResults.Error(400, $"\"from\" is not an ISO 8601 time: {from}");
        if (start >= end) return ApiResults.Error(400, "\"from\" must be before \"to\".");

        ServiceEntry? entry = null;
        if (!string.IsNullOrWhiteSpace(service) && (entry = catalog.Find(service)) is null)
            return ApiResults.Error(404, $"There is no service \"{service}\" in the catalog. Known: {string.Join(", ", catalog.Services.Select(s => s.Name))}.");

        var incidents = await store.ListAsync(new IncidentQuery(Service: entry?.Name, Limit: int.MaxValue), ct);
        return ApiResults.Json(AvailabilityReport.Build(incidents, catalog, start, end, now, entry?.Name));
    }

    private static bool TryTime(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
