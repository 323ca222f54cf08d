using System.Text.Json;

namespace ChatOps.Adapters.Slack.Inbound;

internal enum SlackWorkKind
{
    /// <summary>Command texts of the one command language (slash command, button, modal, shortcut).</summary>
    Commands,
    /// <summary>A message to put on the timeline (reaction, pin); its text is fetched if not known.</summary>
    TimelineMessage,
    /// <summary>Someone joined a channel: a participant of the incident if it is an incident channel.</summary>
    Joined,
}

/// <summary>
/// What the endpoints record in the inbound queue before acknowledging: already verified and reduced to the work,
/// so the background handler needs no Slack request to do it. Serialized as the item's payload.
/// </summary>
internal sealed record SlackWork(
    SlackWorkKind Kind,
    string TeamId,
    string UserId,
    string? UserName,
    string ChannelId,
    IReadOnlyList<string> Commands,
    string? ResponseUrl = null,
    bool Private = false,
    string? MessageTs = null,
    string? MessageText = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static SlackWork Deserialize(string payload) =>
        JsonSerializer.Deserialize<SlackWork>(payload, Json) ?? throw new JsonException("An empty Slack work item.");
}
