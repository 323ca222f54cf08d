namespace ChatOps.Cards.Views;

/// <summary>First word to stakeholders on declare (seed 001: acknowledge first, with the ticket id).</summary>
public sealed record AcknowledgementView : CardView
{
    public required string Severity { get; init; }
    public required string Status { get; init; }
    public required string Service { get; init; }
    public required string Message { get; init; }
    public required string DeclaredBy { get; init; }
    public required string DeclaredAt { get; init; }
    /// <summary>The incident channel where the work happens.</summary>
    public required string Channel { get; init; }
    public string? NextUpdateDue { get; init; }
}
