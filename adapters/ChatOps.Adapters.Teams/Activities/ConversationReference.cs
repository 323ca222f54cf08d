using System.Text.Json;

namespace ChatOps.Adapters.Teams.Activities;

/// <summary>
/// Where to send proactively (PROTOCOLS.md B3): the service URL and conversation of an authenticated activity,
/// with tenant, team and channel. Stored as JSON in the platform directory under the neutral channel name.
/// </summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? TenantId = null,
    string? TeamId = null,
    string? ChannelId = null,
    string? BotId = null,
    string? BotName = null,
    string? ConversationType = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, ActivityJson.Options);

    public static ConversationReference? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<ConversationReference>(json, ActivityJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reference of the conversation an activity came from (a channel thread stays that thread).</summary>
    public static ConversationReference? Of(Activity activity) =>
        activity.ServiceUrl is null || activity.Conversation?.Id is null
            ? null
            : new(activity.ServiceUrl, activity.Conversation.Id, activity.TenantId, activity.ChannelData?.Team?.Id,
                activity.ChannelData?.Channel?.Id, activity.Recipient?.Id, activity.Recipient?.Name, activity.Conversation.ConversationType);
}
