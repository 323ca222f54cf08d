using System.Text.Json;
using System.Text.Json.Serialization;

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
    public string Serialize() => JsonSerializer.Serialize(this, SlackWorkJson.Default.SlackWork);

    public static SlackWork Deserialize(string payload) =>
        JsonSerializer.Deserialize(payload, SlackWorkJson.Default.SlackWork) ?? throw new JsonException("An empty Slack work item.");
}

/// <summary>
/// Source-generated (no reflection on the acknowledgement path); the web defaults (camelCase, enums as numbers) are the
/// shape items already in a queue were written in.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SlackWork))]
internal sealed partial class SlackWorkJson : JsonSerializerContext;
