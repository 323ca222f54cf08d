using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>Slack channel names: lowercase letters, digits, hyphens and underscores, at most 80 characters.</summary>
internal static partial class SlackChannels
{
    public const int MaxName = 80;

    public static string Name(string neutral)
    {
        var name = Invalid().Replace(neutral.ToLowerInvariant(), "-").Trim('-');
        name = Dashes().Replace(name, "-");
        return name.Length <= MaxName ? name : name[..MaxName].TrimEnd('-');
    }

    public static bool IsIncidentChannel(string channel, string prefix) =>
        channel.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase) && channel.Length > prefix.Length + 1
        && char.IsAsciiDigit(channel[prefix.Length + 1]);

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex Invalid();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();
}
