namespace ChatOps.Core.Incidents;

/// <summary>
/// What the incident cost users (seed 001, "The Uptime Carve Knife"). Shares are fractions 0..1;
/// null times fall back to declared / resolved.
/// </summary>
public sealed record Impact(DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, decimal UsersShare, decimal FunctionShare)
{
    public static readonly Impact Full = new(null, null, 1m, 1m);
}
