using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Commands;

public static partial class CommandParser
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd",
    ];

    /// <summary>A percentage typed as <c>10</c>, <c>10%</c> or <c>12.5</c>, 0..100, as a fraction 0..1.</summary>
    internal static bool TryParseShare(string text, out decimal? share)
    {
        share = null;
        var digits = text.EndsWith('%') ? text[..^1] : text;
        if (digits.Length is 0 or > 12 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)) return false;
        if (percent > 100m) return false;
        share = percent / 100m;
        return true;
    }

    /// <summary>An ISO 8601 time (UTC unless it names an offset) or a time relative to now: <c>-90m</c>, <c>-2h</c>, <c>-1d</c>.</summary>
    internal static bool TryParseTime(string text, out TimeSpec? time)
    {
        time = null;
        var relative = RelativeTime().Match(text);
        if (relative.Success)
        {
            var amount = int.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
            var span = relative.Groups[2].Value.ToLowerInvariant() switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            time = new TimeSpec(null, -span);
            return true;
        }
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var absolute))
        {
            time = new TimeSpec(absolute, null);
            return true;
        }
        return false;
    }

    private static string ShareError(string option, string text) =>
        $"{option} must be a percentage from 0 to 100 (like 10 or 10%), not '{Shorten(text)}'.";

    private static string TimeError(string option, string text) =>
        $"{option} must be an ISO 8601 time (2026-01-31T14:05Z) or relative to now (-90m, -2h, -1d), not '{Shorten(text)}'.";

    [GeneratedRegex("^-([0-9]{1,5})([mhd])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RelativeTime();
}
