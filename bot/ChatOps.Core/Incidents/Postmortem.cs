using System.Collections.Immutable;

namespace ChatOps.Core.Incidents;

public sealed record FollowUp(string Owner, DateOnly Due, string Text);

/// <summary>The post-mortem answers collected on the bridge; each answer is also a timeline event.</summary>
public sealed record Postmortem
{
    public string? Summary { get; init; }
    public RootCauseCategory? Category { get; init; }
    public string? RootCause { get; init; }
    public ImmutableList<string> Contributing { get; init; } = [];
    public ImmutableList<string> WentWell { get; init; } = [];
    public ImmutableList<string> Improve { get; init; } = [];
    public ImmutableList<FollowUp> FollowUps { get; init; } = [];
    public string? NoFollowUpReason { get; init; }

    public static readonly Postmortem Empty = new();

    public bool HasRootCause => Category is not null && !string.IsNullOrWhiteSpace(RootCause);
    public bool HasFollowUpDecision => FollowUps.Count > 0 || !string.IsNullOrWhiteSpace(NoFollowUpReason);
}
