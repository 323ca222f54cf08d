using ChatOps.Core.Incidents;

namespace ChatOps.Core.Availability;

/// <summary>
/// Seed 001, "The Uptime Carve Knife": an outage carves adjusted minutes out of the period's uptime, and
/// availability across services adds "points" (100 per service) rather than averaging.
/// </summary>
public static class AvailabilityMath
{
    /// <summary>Outage minutes scaled by the share of users affected and the share of function lost (both 0..1).</summary>
    public static decimal AdjustedOutageMinutes(TimeSpan duration, decimal usersShare, decimal functionShare)
    {
        if (duration <= TimeSpan.Zero) return 0m;
        return (decimal)duration.TotalMinutes * Clamp(usersShare) * Clamp(functionShare);
    }

    /// <summary>
    /// The incident's adjusted outage minutes inside [<paramref name="from"/>, <paramref name="to"/>). Impact runs from
    /// its start (default: declared) to its end (default: resolved; still open: <paramref name="now"/>). Cancelled
    /// incidents were false alarms or duplicates and carve nothing.
    /// </summary>
    public static decimal AdjustedOutageMinutes(Incident incident, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (incident.Status == IncidentStatus.Cancelled) return 0m;
        var (start, end) = ImpactWindow(incident, now);
        var clippedStart = start > from ? start : from;
        var clippedEnd = end < to ? end : to;
        return AdjustedOutageMinutes(clippedEnd - clippedStart, incident.Impact.UsersShare, incident.Impact.FunctionShare);
    }

    public static (DateTimeOffset Start, DateTimeOffset End) ImpactWindow(Incident incident, DateTimeOffset now) =>
        (incident.Impact.StartedAt ?? incident.DeclaredAt, incident.Impact.EndedAt ?? incident.ResolvedAt ?? incident.ClosedAt ?? now);

    /// <summary>Percent of the period's uptime minutes left after the outage minutes; never below 0.</summary>
    public static decimal AvailabilityPercent(decimal periodMinutes, decimal outageMinutes)
    {
        if (periodMinutes <= 0m) return 100m;
        var available = Math.Max(0m, periodMinutes - Math.Max(0m, outageMinutes));
        return available / periodMinutes * 100m;
    }

    /// <summary>
    /// The seed's "points" rule: each service can score 100 points; total availability is the points scored out of
    /// 100 x n. (The seed's 57+63+56+49+65+78 = 368 points out of 600 is 61.33 %; the seed's "61.66 %" is a slip.)
    /// </summary>
    public static decimal CombinedPercent(IEnumerable<decimal> percents)
    {
        var list = percents.ToList();
        return list.Count == 0 ? 100m : list.Sum() / (100m * list.Count) * 100m;
    }

    /// <summary>Two decimals, half away from zero, as availability is reported (10020 / 10080 -> 99.40).</summary>
    public static decimal Round(decimal percent) => Math.Round(percent, 2, MidpointRounding.AwayFromZero);

    private static decimal Clamp(decimal share) => Math.Clamp(share, 0m, 1m);
}
