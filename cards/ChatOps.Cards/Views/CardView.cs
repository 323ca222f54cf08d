namespace ChatOps.Cards.Views;

/// <summary>
/// A platform-neutral card: what a person sees, already in words and UTC times, so every renderer
/// (Adaptive Card, plain text, later Block Kit) shows the same content. Every card names its incident.
/// </summary>
public abstract record CardView
{
    /// <summary>The incident id as users see it, e.g. <c>INC-7</c>.</summary>
    public required string IncidentId { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<CardInput> Inputs { get; init; } = [];
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}

/// <summary>A button; <see cref="Verb"/> is one of <see cref="CardVerbs"/>. Primary buttons are emphasised.</summary>
public sealed record CardAction(string Verb, string Title, bool Primary);

/// <summary>Who holds a role other than the commander, e.g. ("Scribe", "Carol").</summary>
public sealed record RoleAssignment(string Role, string Person);
