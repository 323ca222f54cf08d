namespace ChatOps.Cards.Views;

/// <summary>The one status card of an incident channel, updated in place as the incident moves.</summary>
public sealed record StatusCardView : CardView
{
    public required string Severity { get; init; }
    public required string Status { get; init; }
    public required string Service { get; init; }
    /// <summary>The commander's name, or a prompt to take the role when nobody holds it.</summary>
    public required string Commander { get; init; }
    public IReadOnlyList<RoleAssignment> OtherRoles { get; init; } = [];
    public required string Impact { get; init; }
    public string? LastUpdate { get; init; }
    public string? LastUpdateAt { get; init; }
    public string? NextUpdateDue { get; init; }
    public required string DeclaredAt { get; init; }
    public required string Channel { get; init; }
}
