namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>
/// The slash commands of the manifest. <c>/incident</c> is served; <c>/oncall</c> and <c>/change</c> are reserved for
/// later issues (registered now so their names are the bot's in every workspace) and answer politely, changing nothing.
/// </summary>
internal static class SlackSlashCommands
{
    public const string Incident = "/incident";

    public static readonly IReadOnlyDictionary<string, string> Reserved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["/oncall"] = "`/oncall` is not available yet: on-call schedules come in a later release. "
            + "For now, name who leads an incident with `/incident role ic @someone`, or see `/incident help`.",
        ["/change"] = "`/change` is not available yet: change records come in a later release. "
            + "For now, put a change on an incident's timeline with `/incident note <what changed>`, or see `/incident help`.",
    };

    /// <summary>Every command the manifest registers, in its order.</summary>
    public static IReadOnlyList<string> All => [Incident, .. Reserved.Keys];

    public static bool IsServed(string command) => command.Equals(Incident, StringComparison.OrdinalIgnoreCase);

    /// <summary>The answer to a command the bot does not run (yet): reserved ones say what to use instead.</summary>
    public static string NotServed(string command) =>
        Reserved.TryGetValue(command, out var answer) ? answer : $"`{command}` is not a command of this bot. Try `/incident help`.";
}
