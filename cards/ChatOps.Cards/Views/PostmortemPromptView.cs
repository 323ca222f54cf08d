namespace ChatOps.Cards.Views;

/// <summary>
/// Posted on resolve: asks for the post-mortem answers (summary, impact, root cause with a category,
/// contributing factors, what went well, what to improve, a follow-up or a reason for none) through
/// <see cref="CardView.Inputs"/>; each submitted answer becomes a command and so a timeline event.
/// </summary>
public sealed record PostmortemPromptView : CardView
{
    public required string Severity { get; init; }
    public required string Service { get; init; }
    public required string Message { get; init; }
    public string? Duration { get; init; }
    /// <summary>What the close guard still needs (SEV1/SEV2: root cause and a follow-up decision); empty when nothing.</summary>
    public IReadOnlyList<string> StillNeeded { get; init; } = [];
}
