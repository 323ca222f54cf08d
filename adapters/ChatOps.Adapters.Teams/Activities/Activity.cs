using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Adapters.Teams.Activities;

/// <summary>
/// The fields of a Bot Framework activity this adapter reads or writes (PROTOCOLS.md B1). Unknown fields are
/// ignored on the way in and absent fields are left out on the way out.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? ReplyToId { get; init; }
    public string? Action { get; init; }
    public JsonElement? Value { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>The tenant as Teams states it, on the conversation or in the channel data.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;
}

public sealed record ChannelAccount(string? Id, string? Name, string? AadObjectId = null);

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
    public string? Name { get; init; }
}

public sealed record TeamsChannelData
{
    public TeamsEntity? Tenant { get; init; }
    public TeamsEntity? Team { get; init; }
    public TeamsEntity? Channel { get; init; }
    public string? EventType { get; init; }
}

public sealed record TeamsEntity(string? Id, string? Name = null);

/// <summary>An entity; for mentions <see cref="Mentioned"/> and <see cref="Text"/> (<c>&lt;at&gt;Name&lt;/at&gt;</c>) are set.</summary>
public sealed record Entity(string? Type, ChannelAccount? Mentioned = null, string? Text = null);

public sealed record Attachment(string ContentType, JsonElement? Content);

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

internal static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
