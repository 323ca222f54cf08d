using System.Text.Json.Serialization;

namespace ChatOps.Core.Bridge;

/// <summary>
/// A reply to the person who sent a command that the platform could not take at once (down, slow, rate limited). The
/// surface rendered it already: <see cref="Body"/> is what it posts, to <see cref="Address"/> when the platform gave
/// one (Slack's <c>response_url</c>) or else to <see cref="Recipient"/> in <see cref="Conversation"/>. The outbox keeps
/// it on a channel of its own per person, so that person's replies stay in order without holding up the bridge's
/// messages. Past <see cref="ExpiresAt"/> nobody is waiting for it any more (Slack's response URLs die after 30
/// minutes): it is logged and dropped.
/// </summary>
public sealed record QueuedReply(string Surface, string Conversation, string Recipient, string? Address, string Body, DateTimeOffset ExpiresAt)
{
    [JsonIgnore]
    public string Channel => ChannelOf(Surface, Conversation, Recipient);

    /// <summary>The outbox channel of one person's replies in one conversation; no chat channel id starts with "reply:".</summary>
    public static string ChannelOf(string surface, string conversation, string recipient) => $"reply:{surface}:{conversation}:{recipient}";
}
