using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

public sealed record DeclareIncident(string Title, Severity? Severity, string? Service) : Command
{
    public override string Verb => "declare";

    /// <summary>Set by a surface that offers private channels (Slack's <c>--private</c>); not part of the typed language.</summary>
    public bool PrivateChannel { get; init; }
}

public sealed record Acknowledge : Command
{
    public override string Verb => "ack";
}

/// <summary><paramref name="User"/> is the person as the surface named them (a name, or a mention the adapter resolved).</summary>
public sealed record AssignRole(IncidentRole Role, Actor User) : Command
{
    public override string Verb => "role";
}

public sealed record ChangeSeverity(Severity Severity) : Command
{
    public override string Verb => "sev";
}

/// <summary>Only investigating, identified and monitoring can be set directly; the rest have their own verbs.</summary>
public sealed record ChangeStatus(IncidentStatus Status) : Command
{
    public override string Verb => "status";
}

/// <summary>A stakeholder update in the standard template.</summary>
public sealed record PostUpdate(string Text) : Command
{
    public override string Verb => "update";
}

public sealed record AddNote(string Text) : Command
{
    public override string Verb => "note";
}

/// <summary>Shares are fractions 0..1; null means "leave as is".</summary>
public sealed record SetImpact(decimal? UsersShare, decimal? FunctionShare, TimeSpec? StartedAt, TimeSpec? EndedAt) : Command
{
    public override string Verb => "impact";
}

public sealed record ResolveIncident(string Summary) : Command
{
    public override string Verb => "resolve";
}

public sealed record ValidateService : Command
{
    public override string Verb => "validate";
}

public sealed record ReopenIncident(string Reason) : Command
{
    public override string Verb => "reopen";
}

public sealed record HandOff(string Link) : Command
{
    public override string Verb => "handoff";
}

public sealed record SetRootCause(RootCauseCategory Category, string Text) : Command
{
    public override string Verb => "rootcause";
}

public sealed record AddFollowUp(string Owner, DateOnly Due, string Text) : Command
{
    public override string Verb => "followup";
}

public sealed record NoFollowUp(string Reason) : Command
{
    public override string Verb => "nofollowup";
}

/// <summary>Answers one post-mortem prompt question: summary, contributing, went-well, improve.</summary>
public sealed record AnswerPostmortem(PostmortemField Field, string Text) : Command
{
    public override string Verb => "postmortem";
}

public enum PostmortemField
{
    Summary,
    Contributing,
    WentWell,
    Improve,
}

public sealed record CloseIncident : Command
{
    public override string Verb => "close";
}

public sealed record CancelIncident(string Reason) : Command
{
    public override string Verb => "cancel";
}

/// <summary>Raised by the durable timer, never typed: a stakeholder update is due.</summary>
public sealed record RemindUpdateDue(DateTimeOffset DueAt) : Command
{
    public override string Verb => "remind";
}

public sealed record ShowPostmortem : Command
{
    public override string Verb => "postmortem";
    public override bool IsQuery => true;
}

public sealed record ShowTimeline : Command
{
    public override string Verb => "timeline";
    public override bool IsQuery => true;
}

public sealed record ShowSummary : Command
{
    public override string Verb => "summary";
    public override bool IsQuery => true;
}

public sealed record ListIncidents : Command
{
    public override string Verb => "list";
    public override bool IsQuery => true;
}

public sealed record ShowHelp(string? Topic) : Command
{
    public override string Verb => "help";
    public override bool IsQuery => true;
}
