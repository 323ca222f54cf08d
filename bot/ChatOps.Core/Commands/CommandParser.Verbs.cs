using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

public static partial class CommandParser
{
    private static ParseResult ParseDeclare(Arguments args)
    {
        var options = new Dictionary<string, string>();
        var words = new List<string>();
        if (args.SplitOptions(["sev", "service"], options, words) is { } error) return args.Fail(error);
        var title = CommandTokenizer.StripQuotes(string.Join(' ', words).Trim());
        if (title.Length == 0) return args.Fail("`declare` needs a title, for example `declare Checkout returns 500 --sev 2`.");
        Severity? severity = null;
        if (options.TryGetValue("sev", out var sevText))
        {
            if (!SeverityText.TryParse(sevText, out var parsed)) return args.Fail($"--sev must be 1, 2, 3 or 4 (or SEV1..SEV4), not '{Shorten(sevText)}'.");
            severity = parsed;
        }
        return ParseResult.Ok(new DeclareIncident(title, severity, options.GetValueOrDefault("service")));
    }

    private static ParseResult ParseRole(Arguments args)
    {
        if (args.Count == 0) return args.Fail("`role` needs a role (ic, comms, scribe or ops) and a user.");
        if (!IncidentRoleText.TryParse(args[0].Value, out var role))
            return args.Fail($"'{Shorten(args[0].Value)}' is not a role; use ic, comms, scribe or ops.");
        var name = args.RestFrom(1).TrimStart('@').Trim();
        if (name.Length == 0) return args.Fail($"`role {role.ToText()}` needs the user who takes the role, for example `role {role.ToText()} @dana`.");
        return ParseResult.Ok(new AssignRole(role, new Actor(name, name)));
    }

    private static ParseResult ParseSeverity(Arguments args)
    {
        if (args.Count == 0) return args.Fail("`sev` needs a severity from 1 (worst) to 4.");
        var text = args.RestFrom(0);
        return SeverityText.TryParse(text.Replace(" ", "", StringComparison.Ordinal), out var severity)
            ? ParseResult.Ok(new ChangeSeverity(severity))
            : args.Fail($"'{Shorten(text)}' is not a severity; use 1, 2, 3 or 4 (or SEV1..SEV4).");
    }

    private static ParseResult ParseStatus(Arguments args)
    {
        if (args.Count == 0) return args.Fail("`status` needs one of investigating, identified or monitoring.");
        var text = args.RestFrom(0);
        if (IncidentStatusText.TryParse(text, out var status) && status is IncidentStatus.Investigating or IncidentStatus.Identified or IncidentStatus.Monitoring)
            return ParseResult.Ok(new ChangeStatus(status));
        var hint = status switch
        {
            IncidentStatus.Resolved when IncidentStatusText.TryParse(text, out _) => " To resolve, use `resolve <summary>`.",
            IncidentStatus.Closed when IncidentStatusText.TryParse(text, out _) => " To close, use `close`.",
            IncidentStatus.HandedOff when IncidentStatusText.TryParse(text, out _) => " To hand off, use `handoff <link>`.",
            IncidentStatus.Cancelled when IncidentStatusText.TryParse(text, out _) => " To cancel, use `cancel <reason>`.",
            _ => "",
        };
        return args.Fail($"'{Shorten(text)}' is not a status you can set; use investigating, identified or monitoring.{hint}");
    }

    private static ParseResult ParseImpact(Arguments args)
    {
        var options = new Dictionary<string, string>();
        var words = new List<string>();
        if (args.SplitOptions(["users", "function", "started", "ended"], options, words) is { } error) return args.Fail(error);
        if (words.Count > 0) return args.Fail($"`impact` takes only options, but got '{Shorten(string.Join(' ', words))}'.");
        if (options.Count == 0) return args.Fail("`impact` needs at least one of --users, --function, --started or --ended.");

        decimal? users = null, function = null;
        TimeSpec? started = null, ended = null;
        if (options.TryGetValue("users", out var text) && !TryParseShare(text, out users)) return args.Fail(ShareError("--users", text));
        if (options.TryGetValue("function", out text) && !TryParseShare(text, out function)) return args.Fail(ShareError("--function", text));
        if (options.TryGetValue("started", out text) && !TryParseTime(text, out started)) return args.Fail(TimeError("--started", text));
        if (options.TryGetValue("ended", out text) && !TryParseTime(text, out ended)) return args.Fail(TimeError("--ended", text));
        return ParseResult.Ok(new SetImpact(users, function, started, ended));
    }

    private static ParseResult ParseRootCause(Arguments args)
    {
        var names = string.Join(", ", Enum.GetNames<RootCauseCategory>().Select(n => n.ToLowerInvariant()));
        if (args.Count == 0) return args.Fail($"`rootcause` needs a category ({names}) and a description.");
        if (!Enum.TryParse<RootCauseCategory>(args[0].Value, ignoreCase: true, out var category) || !Enum.IsDefined(category) || !args[0].Value.All(char.IsAsciiLetter))
            return args.Fail($"'{Shorten(args[0].Value)}' is not a root-cause category; use one of {names}.");
        var text = args.RestFrom(1);
        return text.Length == 0
            ? args.Fail($"`rootcause {category.ToString().ToLowerInvariant()}` needs a description of the root cause.")
            : ParseResult.Ok(new SetRootCause(category, text));
    }

    private static ParseResult ParseFollowUp(Arguments args)
    {
        if (args.Count < 3) return args.Fail("`followup` needs an owner, a due date (yyyy-mm-dd) and what to do.");
        var owner = args[0].Value.TrimStart('@');
        if (owner.Length == 0) return args.Fail("`followup` needs an owner, for example @dana.");
        if (!DateOnly.TryParseExact(args[1].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due))
            return args.Fail($"'{Shorten(args[1].Value)}' is not a due date; write it as yyyy-mm-dd, for example 2026-03-31.");
        return ParseResult.Ok(new AddFollowUp(owner, due, args.RestFrom(2)));
    }

    private static ParseResult ParsePostmortem(Arguments args)
    {
        if (args.Count == 0) return ParseResult.Ok(new ShowPostmortem());
        PostmortemField? field = args[0].Value.ToLowerInvariant() switch
        {
            "summary" => PostmortemField.Summary,
            "contributing" or "contributing-factor" or "factor" => PostmortemField.Contributing,
            "went-well" or "wentwell" or "well" => PostmortemField.WentWell,
            "improve" or "to-improve" => PostmortemField.Improve,
            _ => null,
        };
        if (field is null) return args.Fail($"'{Shorten(args[0].Value)}' is not a post-mortem question; use summary, contributing, went-well or improve.");
        var text = args.RestFrom(1);
        return text.Length == 0
            ? args.Fail($"`postmortem {args[0].Value.ToLowerInvariant()}` needs your answer after it.")
            : ParseResult.Ok(new AnswerPostmortem(field.Value, text));
    }

    private static ParseResult ParseHelp(Arguments args)
    {
        if (args.Count == 0) return ParseResult.Ok(new ShowHelp(null));
        var topic = args.RestFrom(0);
        if (topic.StartsWith('/')) topic = topic[1..];
        return CommandHelp.Find(topic) is { } verb
            ? ParseResult.Ok(new ShowHelp(verb.Name))
            : args.Fail($"There is no command '{Shorten(topic)}'. Type `help` for the list of commands.");
    }
}
