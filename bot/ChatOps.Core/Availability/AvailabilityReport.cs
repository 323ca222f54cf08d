using ChatOps.Core.Catalog;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Availability;

/// <summary>One service's availability over a period.</summary>
public sealed record ServiceAvailability(
    string Service,
    double Target,
    int Incidents,
    decimal OutageMinutes,
    decimal Percent,
    decimal Rounded,
    bool MeetsTarget);

/// <summary>Availability per service over [From, To) and across them by the points rule.</summary>
public sealed record AvailabilityReport(
    DateTimeOffset From,
    DateTimeOffset To,
    decimal PeriodMinutes,
    IReadOnlyList<ServiceAvailability> Services,
    decimal OverallPercent,
    decimal OverallRounded)
{
    /// <summary>
    /// Builds the report from the incidents overlapping the period. <paramref name="service"/> limits it to one
    /// catalog service (name or alias); otherwise every catalog service is listed, with or without incidents.
    /// </summary>
    public static AvailabilityReport Build(
        IEnumerable<Incident> incidents, ServiceCatalog catalog, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? service = null)
    {
        var periodMinutes = to > from ? (decimal)(to - from).TotalMinutes : 0m;
        var entries = service is null ? catalog.Services : catalog.Find(service) is { } one ? [one] : [];
        var all = incidents.ToList();
        var rows = entries.Select(entry =>
        {
            var mine = all.Where(i => string.Equals(i.Service, entry.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var minutes = mine.Sum(i => AvailabilityMath.AdjustedOutageMinutes(i, from, to, now));
            var percent = AvailabilityMath.AvailabilityPercent(periodMinutes, minutes);
            var touched = mine.Count(i => Overlaps(i, from, to, now));
            return new ServiceAvailability(entry.Name, entry.AvailabilityTarget, touched, minutes, percent,
                AvailabilityMath.Round(percent), (double)percent >= entry.AvailabilityTarget);
        }).ToList();
        var overall = AvailabilityMath.CombinedPercent(rows.Select(r => r.Percent));
        return new AvailabilityReport(from, to, periodMinutes, rows, overall, AvailabilityMath.Round(overall));
    }

    private static bool Overlaps(Incident incident, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (incident.Status == IncidentStatus.Cancelled) return false;
        var (start, end) = AvailabilityMath.ImpactWindow(incident, now);
        return start < to && end > from;
    }
}
