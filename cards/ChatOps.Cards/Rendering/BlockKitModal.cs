using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

/// <summary>
/// A Slack modal to render: inputs from a view model (or the adapter's own, e.g. the declare form), the ids Slack
/// sends back (<see cref="CallbackId"/>, <see cref="PrivateMetadata"/>) and which inputs must be filled in.
/// </summary>
public sealed record BlockKitModal(
    string CallbackId,
    string Title,
    string Submit,
    string PrivateMetadata,
    IReadOnlyList<CardInput> Inputs)
{
    /// <summary>Mrkdwn shown above the inputs.</summary>
    public string? Intro { get; init; }

    /// <summary>Input ids Slack itself refuses to submit empty; everything else is optional.</summary>
    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>();
}
