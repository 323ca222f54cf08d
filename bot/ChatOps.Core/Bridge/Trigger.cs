namespace ChatOps.Core.Bridge;

/// <summary>What a command asks of the incident's state machine. Several verbs may share one trigger.</summary>
internal enum Trigger
{
    Acknowledge,
    Investigate,
    Identify,
    Monitor,
    Resolve,
    Validate,
    Close,
    HandOff,
    Cancel,
    Reopen,
    AssignRole,
    RaiseSeverity,
    LowerSeverity,
    PostUpdate,
    AddNote,
    SetImpact,
    RecordPostmortem,
    RemindUpdate,
}
