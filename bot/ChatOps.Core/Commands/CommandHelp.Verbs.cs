namespace ChatOps.Core.Commands;

public static partial class CommandHelp
{
    /// <summary>Every verb in the order the help lists them; <see cref="VerbInfo.Usage"/> is the usage line shown with errors.</summary>
    public static IReadOnlyList<VerbInfo> Verbs { get; } =
    [
        new("declare", "declare <title> [--sev 1-4] [--service <name>]", "open a new incident and its channel",
            "Opens INC-<n> with its own channel, acknowledges to the service's stakeholders and starts the update reminders. Options may appear anywhere after the verb; quotes around the title are optional.", []),
        new("ack", "ack [INC-n]", "acknowledge: you are on it (the first responder becomes commander)",
            "Moves a declared incident to investigating. The first responder to acknowledge becomes incident commander unless one is set.", ["acknowledge"]),
        new("role", "role [INC-n] <ic|comms|scribe|ops> <user>", "give someone a role (one commander at a time)",
            "Roles: ic (incident commander / tech lead), comms (comms lead), scribe, ops (ops / subject expert). Assigning ic replaces the current commander; every change is on the timeline.", []),
        new("sev", "sev [INC-n] <1-4>", "change severity (anyone raises; commander or service owner lowers)",
            "Raising severity is open to anyone on the bridge; lowering it needs the incident commander or the service owner. Accepts 2 or SEV2.", ["severity"]),
        new("status", "status [INC-n] <investigating|identified|monitoring>", "say where the work stands",
            "investigating: looking for the cause; identified: cause known; monitoring: mitigated (maybe a temporary fix), watching. Resolve, hand off, close and cancel have their own verbs.", []),
        new("update", "update [INC-n] <text>", "post a stakeholder update (standard template) and reset the reminder",
            "Posts id, title, severity, status, impact, what changed, commander and next update time to the stakeholder channel.", []),
        new("note", "note [INC-n] <text>", "add a note to the timeline", "Adds a timeline entry; nothing is posted to stakeholders.", []),
        new("impact", "impact [INC-n] [--users <pct>] [--function <pct>] [--started <ISO time or -90m>] [--ended <ISO time or -10m>]", "record the impact: share of users, share of function, when",
            "Percentages as 10 or 10%. Times as ISO 8601 (2026-01-31T14:05Z) or relative to now (-90m, -2h, -1d). Started defaults to the declaration, ended to the resolution. Adjusted outage minutes = duration x users share x function share.", []),
        new("resolve", "resolve [INC-n] <summary>", "service restored (needs a commander; commander or service owner only)",
            "Posts \"Service restored\" to stakeholders and the post-mortem prompt to the incident channel.", []),
        new("validate", "validate [INC-n]", "the service owner (or business owner) confirms the service works",
            "Needed before close. When the catalog names no owner for the service, the incident commander validates.", []),
        new("reopen", "reopen [INC-n] <reason>", "back to investigating from resolved, handed-off, closed or cancelled",
            "Validation is cleared; the incident needs to be resolved and validated again.", []),
        new("handoff", "handoff [INC-n] <link or text>", "urgent work is over; the permanent fix goes to the owning team's tracker",
            "Moves the incident to handed-off (daily reminders). Resolve it when the permanent fix is in.", ["hand-off"]),
        new("rootcause", "rootcause [INC-n] <category> <text>", "record the root cause with its category",
            "Categories: software, hardware, operator, procedural, environmental, capacity, configuration, dependency, change.", ["root-cause"]),
        new("followup", "followup [INC-n] <owner> <yyyy-mm-dd> <text>", "add a follow-up action with owner and due date",
            "SEV1 and SEV2 incidents need at least one follow-up (or a nofollowup reason) before close.", ["follow-up"]),
        new("nofollowup", "nofollowup [INC-n] <reason>", "say why no follow-up action is needed", "Satisfies the follow-up rule for closing SEV1 and SEV2 incidents.", ["no-followup", "no-follow-up"]),
        new("postmortem", "postmortem [INC-n] [<summary|contributing|went-well|improve> <text>]", "show the post-mortem draft, or answer one of its questions",
            "Without arguments shows the Markdown draft. With a field, records the answer (contributing, went-well and improve add one item each).", ["pm"]),
        new("close", "close [INC-n]", "close a resolved incident (needs validation; SEV1/SEV2 also a post-mortem)",
            "Closing needs the service validated and, for SEV1 and SEV2, a root cause and at least one follow-up or a nofollowup reason. Commander or service owner only.", []),
        new("cancel", "cancel [INC-n] <reason>", "false alarm or duplicate: stop the incident",
            "A cancelled incident takes no further commands but reopen. Commander, service owner or the declarer only.", []),
        new("timeline", "timeline [INC-n]", "show the timeline", "Every accepted command with time, actor, kind and surface.", []),
        new("summary", "summary [INC-n]", "show the incident's current state", "Status card with roles, severity, impact and next update time.", []),
        new("list", "list", "list open incidents", "Open incidents with severity, status and commander.", []),
        new("help", "help [verb]", "this help, or the details of one verb", "`help declare` explains one verb.", []),
    ];
}
