using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChatOps.Core.Incidents;

/// <summary>The deployment-wide sequential id shown everywhere as <c>INC-&lt;n&gt;</c>.</summary>
public readonly record struct IncidentId(long Number)
{
    public const string Prefix = "INC-";

    public override string ToString() => Prefix + Number.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse([NotNullWhen(true)] string? text, out IncidentId id)
    {
        id = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        if (!long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0) return false;
        id = new IncidentId(n);
        return true;
    }
}
