namespace ChatOps.Core.Incidents;

/// <summary>Root-cause categories from seed 002 chapter 10.</summary>
public enum RootCauseCategory
{
    Software,
    Hardware,
    Operator,
    Procedural,
    Environmental,
    Capacity,
    Configuration,
    Dependency,
    Change,
}
