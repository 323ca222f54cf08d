using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>
/// Slack has no idempotency key for <c>chat.postMessage</c>. Each post carries its outbox message key as the
/// <c>block_id</c> of its first block that has none, so a post whose answer was lost (a timeout, a 5xx after the write,
/// a crash) can be found in the channel's history and bound instead of being posted twice.
/// </summary>
internal static class PostMarker
{
    /// <summary>Slack's limit for a block id.</summary>
    private const int MaxLength = 255;

    public static string For(string messageKey)
    {
        var marker = "chatops:" + messageKey;
        return marker.Length <= MaxLength ? marker : marker[..MaxLength];
    }

    public static JsonArray Mark(JsonArray blocks, string messageKey)
    {
        if (blocks.OfType<JsonObject>().FirstOrDefault(b => b["block_id"] is null) is { } unmarked) unmarked["block_id"] = For(messageKey);
        return blocks;
    }
}
