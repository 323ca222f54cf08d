namespace ChatOps.Cards.Views;

/// <summary>The clear "Service restored" notice to stakeholders (seed 001).</summary>
public sealed record ServiceRestoredView : CardView
{
    public required string Severity { get; init; }
    public required string Service { get; init; }
    public required string Summary { get; init; }
    public required string RestoredAt { get; init; }
    /// <summary>From the start of impact to the restore, e.g. <c>1 h 20 min</c>.</summary>
    public required string Duration { get; init; }
    public required string Impact { get; init; }
    public required string Commander { get; init; }
}
