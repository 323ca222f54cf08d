namespace ChatOps.Cards.Views;

/// <summary>
/// The standard stakeholder update (seed 001): short fields in a fixed order so it reads on a phone:
/// id, title, severity, status, impact, what changed, commander, next update time.
/// </summary>
public sealed record StakeholderUpdateView : CardView
{
    public required string Severity { get; init; }
    public required string Status { get; init; }
    public required string Impact { get; init; }
    public required string WhatChanged { get; init; }
    public required string Commander { get; init; }
    /// <summary>A UTC time, or words saying no further update is scheduled.</summary>
    public required string NextUpdate { get; init; }
    public required string PostedAt { get; init; }
}
