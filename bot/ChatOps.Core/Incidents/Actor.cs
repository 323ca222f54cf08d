namespace ChatOps.Core.Incidents;

/// <summary>A person (or the bot itself) as the surface identified them. Ids are compared, names are shown.</summary>
public sealed record Actor(string Id, string Name)
{
    public static readonly Actor Bot = new("chatops", "ChatOps");

    public bool IsSame(Actor? other) => other is not null && string.Equals(Id, other.Id, StringComparison.OrdinalIgnoreCase);
}
