using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

/// <summary>
/// Parses the one command language of every surface. Never throws: bad input becomes a
/// <see cref="ParseResult"/> with a precise error and the verb's usage line.
/// </summary>
public static partial class CommandParser
{
    /// <summary>Longer lines are refused rather than parsed: no chat surface sends more, and it bounds the work.</summary>
    public const int MaxLength = 4000;

    public static ParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult.Fail("Type a command, for example `declare Checkout fails --sev 2`; `help` lists them all.", CommandHelp.Usage(""));
        if (text.Length > MaxLength)
            return ParseResult.Fail($"That command is {text.Length} characters long; the limit is {MaxLength}.", CommandHelp.Usage(""));

        var line = text.Trim();
        if (line.StartsWith('/')) line = line[1..];
        var tokens = CommandTokenizer.Split(line);
        var at = 0;
        if (at < tokens.Count && !tokens[at].Quoted && string.Equals(tokens[at].Value, "incident", StringComparison.OrdinalIgnoreCase)) at++;
        if (at >= tokens.Count)
            return ParseResult.Fail("`incident` needs a verb after it, for example `incident declare <title>`.", CommandHelp.Usage(""));

        var typed = tokens[at].Value;
        if (tokens[at].Quoted || CommandHelp.Find(typed) is not { } verb)
            return ParseResult.Fail($"Unknown command '{Shorten(typed)}'. Type `help` for the list of commands.", CommandHelp.Usage(""));
        at++;

        IncidentId? target = null;
        if (verb.Name is not ("declare" or "list" or "help") && at < tokens.Count && !tokens[at].Quoted && IncidentId.TryParse(tokens[at].Value, out var id))
        {
            target = id;
            at++;
        }

        var args = new Arguments(line, tokens, at, verb);
        var result = ParseVerb(verb.Name, args);
        return result.Command is { } command ? ParseResult.Ok(command with { Target = target }) : result;
    }

    private static ParseResult ParseVerb(string verb, Arguments args) => verb switch
    {
        "declare" => ParseDeclare(args),
        "ack" => args.None(new Acknowledge()),
        "role" => ParseRole(args),
        "sev" => ParseSeverity(args),
        "status" => ParseStatus(args),
        "update" => args.Text("the update text", t => new PostUpdate(t)),
        "note" => args.Text("the note text", t => new AddNote(t)),
        "impact" => ParseImpact(args),
        "resolve" => args.Text("a summary of what restored the service", t => new ResolveIncident(t)),
        "validate" => args.None(new ValidateService()),
        "reopen" => args.Text("the reason for reopening", t => new ReopenIncident(t)),
        "handoff" => args.Text("a link to (or description of) the ticket in the owning team's tracker", t => new HandOff(t)),
        "rootcause" => ParseRootCause(args),
        "followup" => ParseFollowUp(args),
        "nofollowup" => args.Text("the reason no follow-up is needed", t => new NoFollowUp(t)),
        "postmortem" => ParsePostmortem(args),
        "close" => args.None(new CloseIncident()),
        "cancel" => args.Text("the reason (false alarm, duplicate of INC-n, ...)", t => new CancelIncident(t)),
        "timeline" => args.None(new ShowTimeline()),
        "summary" => args.None(new ShowSummary()),
        "list" => args.None(new ListIncidents()),
        _ => ParseHelp(args),
    };

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
