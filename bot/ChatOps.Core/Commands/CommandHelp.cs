using System.Text;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

/// <summary>Usage lines and help text of the one command language, shared by every surface.</summary>
public static partial class CommandHelp
{
    public const string GeneralUsage = "[/][incident] <verb> [INC-n] [arguments]; `help` lists the verbs";

    /// <summary>The canonical verb for a typed word or alias, or null when the language has no such verb.</summary>
    public static VerbInfo? Find(string? word)
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        return Verbs.FirstOrDefault(v => string.Equals(v.Name, word, StringComparison.OrdinalIgnoreCase))
            ?? Verbs.FirstOrDefault(v => v.Aliases.Any(a => string.Equals(a, word, StringComparison.OrdinalIgnoreCase)));
    }

    public static string Usage(string verb) => Find(verb) is { } info ? "Usage: " + info.Usage : "Usage: " + GeneralUsage;

    /// <summary>All verbs with one line each, the severity definitions and the lifecycle.</summary>
    public static string FullText()
    {
        var text = new StringBuilder();
        text.AppendLine("Commands (a leading / and the word `incident` are optional; inside an incident's channel the incident is implied, elsewhere put INC-<n> right after the verb):");
        foreach (var verb in Verbs)
            text.Append("  ").Append(verb.Usage).Append(" — ").AppendLine(verb.Summary);
        text.AppendLine();
        AppendSeverities(text);
        text.AppendLine();
        text.AppendLine(Lifecycle);
        return text.ToString().TrimEnd();
    }

    /// <summary>The help for one verb, or null when there is no such verb.</summary>
    public static string? Detail(string verb)
    {
        if (Find(verb) is not { } info) return null;
        var text = new StringBuilder()
            .Append("Usage: ").AppendLine(info.Usage)
            .AppendLine(info.Summary + ".")
            .AppendLine(info.Detail);
        if (info.Aliases.Count > 0) text.Append("Also written: ").AppendLine(string.Join(", ", info.Aliases));
        if (info.Name is "sev" or "declare") AppendSeverities(text);
        if (info.Name is "status" or "reopen" or "close") text.AppendLine(Lifecycle);
        return text.ToString().TrimEnd();
    }

    public const string Lifecycle =
        "Lifecycle: declared -> investigating (acknowledged) -> identified -> monitoring -> resolved -> closed; " +
        "handed-off (urgent work over, permanent fix in the owning team's tracker); cancelled (false alarm or duplicate). " +
        "reopen goes back to investigating from resolved, handed-off, closed or cancelled.";

    private static void AppendSeverities(StringBuilder text)
    {
        text.AppendLine("Severities:");
        foreach (var severity in Enum.GetValues<Severity>())
            text.Append("  ").Append(severity.ToText()).Append(": ").AppendLine(severity.Definition());
    }
}
