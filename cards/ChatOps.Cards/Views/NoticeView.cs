namespace ChatOps.Cards.Views;

/// <summary>A short notice about an incident: role change, reopen, hand-off, cancel...</summary>
public sealed record NoticeView : CardView
{
    public required string Severity { get; init; }
    public required string Status { get; init; }
    public required string Message { get; init; }
}
