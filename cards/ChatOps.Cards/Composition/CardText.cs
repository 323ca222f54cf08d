using System.Globalization;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Composition;

/// <summary>How cards put times, durations, people and impact into words. Always UTC, always invariant culture.</summary>
internal static class CardText
{
    public const string NoCommander = "nobody yet: acknowledge to take the role";

    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? at) => at is { } value ? Time(value) : null;

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var minutes = (long)Math.Round(span.TotalMinutes);
        if (minutes < 60) return $"{minutes} min";
        var hours = minutes / 60;
        if (hours < 24) return minutes % 60 == 0 ? $"{hours} h" : $"{hours} h {minutes % 60} min";
        return hours % 24 == 0 ? $"{hours / 24} d" : $"{hours / 24} d {hours % 24} h";
    }

    public static string Commander(Incident incident) => incident.Commander?.Name ?? NoCommander;

    public static string Impact(Impact impact)
    {
        if (impact.UsersShare >= 1m && impact.FunctionShare >= 1m) return "All users, all function (full outage)";
        return $"{Percent(impact.UsersShare)} of users, {Percent(impact.FunctionShare)} of function";
    }

    /// <summary>From the start of impact (default: declared) to its end (default: resolved, else <paramref name="until"/>).</summary>
    public static TimeSpan ImpactDuration(Incident incident, DateTimeOffset until) =>
        (incident.Impact.EndedAt ?? incident.ResolvedAt ?? until) - (incident.Impact.StartedAt ?? incident.DeclaredAt);

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
