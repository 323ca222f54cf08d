namespace ChatOps.Cards.Views;

/// <summary>Posted into the incident channel when a stakeholder update is due.</summary>
public sealed record ReminderView : CardView
{
    public required string Severity { get; init; }
    public required string Status { get; init; }
    public required string Message { get; init; }
    public required string Commander { get; init; }
    public string? DueAt { get; init; }
    public string? LastUpdateAt { get; init; }
}
