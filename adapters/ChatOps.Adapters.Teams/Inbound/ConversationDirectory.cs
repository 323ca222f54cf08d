using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatOps.Adapters.Teams.Activities;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>
/// The bridge's neutral channel names for Teams conversations, kept in <see cref="IPlatformDirectory"/>: an incident
/// thread is named by the bridge (<c>inc-7-db-down</c>); a team channel by its own name (<c>Payments stakeholders</c>
/// -> <c>payments-stakeholders</c>, so the service catalog's stakeholder channels are plain Teams channel names);
/// chats get a stable name of their own. Only authenticated activities reach this class.
/// </summary>
internal sealed class ConversationDirectory(IPlatformDirectory directory)
{
    /// <summary>Key prefix under which channels are also bound by Teams channel id (for <c>Teams:IncidentsChannel</c> given as an id).</summary>
    public const string ChannelIdPrefix = "teams-channel-id:";

    /// <summary>
    /// The directory maps a neutral name to one platform value per surface: references (JSON) live under
    /// <see cref="TeamsSurface.Name"/>, plain conversation ids under this key so a conversation finds its name.
    /// </summary>
    public const string ConversationIds = "teams-conversation";

    public async Task<string> NeutralChannelAsync(Activity activity, CancellationToken ct)
    {
        var conversationId = activity.Conversation?.Id ?? "";
        var bound = await directory.FindChannelAsync(ConversationIds, conversationId, ct);
        if (bound is not null) return bound;

        var reference = ConversationReference.Of(activity);
        if (activity.Conversation?.ConversationType == "channel")
        {
            var channelId = activity.ChannelData?.Channel?.Id ?? conversationId.Split(';')[0];
            var name = await directory.FindChannelAsync(ConversationIds, channelId, ct);
            if (name is not null) return name;
            name = Slug(activity.ChannelData?.Channel?.Name) ?? (channelId == activity.ChannelData?.Team?.Id ? "general" : "teams-channel-" + Hash(channelId));
            if (reference is not null) await BindChannelAsync(name, reference with { ConversationId = channelId, ChannelId = channelId }, ct);
            return name;
        }

        var prefix = activity.Conversation?.ConversationType == "personal" ? "teams-dm-" : "teams-chat-";
        var chat = prefix + Hash(conversationId);
        if (reference is not null) await BindChannelAsync(chat, reference, ct);
        return chat;
    }

    /// <summary>Installation and channel events: remember every conversation the bot can post to.</summary>
    public Task RememberAsync(Activity activity, CancellationToken ct) => NeutralChannelAsync(activity, ct);

    public async Task BindChannelAsync(string neutral, ConversationReference reference, CancellationToken ct)
    {
        await directory.BindChannelAsync(TeamsSurface.Name, neutral, reference.ToJson(), ct);
        await directory.BindChannelAsync(ConversationIds, neutral, reference.ConversationId, ct);
        if (reference.ChannelId is { } channelId && reference.ConversationId == channelId)
        {
            await directory.BindChannelAsync(TeamsSurface.Name, ChannelIdPrefix + channelId, reference.ToJson(), ct);
        }
    }

    public async Task<ConversationReference?> FindAsync(string neutralOrChannelId, CancellationToken ct)
    {
        var json = await directory.FindPlatformChannelAsync(TeamsSurface.Name, neutralOrChannelId, ct)
                   ?? await directory.FindPlatformChannelAsync(TeamsSurface.Name, ChannelIdPrefix + neutralOrChannelId, ct);
        return ConversationReference.FromJson(json);
    }

    public Task BindThreadAsync(string neutral, ConversationReference thread, CancellationToken ct) => BindChannelAsync(neutral, thread, ct);

    public Task<string?> FindMessageAsync(string messageKey, CancellationToken ct) => directory.FindPlatformMessageAsync(TeamsSurface.Name, messageKey, ct);

    public Task BindMessageAsync(string messageKey, string activityId, CancellationToken ct) =>
        directory.BindMessageAsync(TeamsSurface.Name, messageKey, activityId, ct);

    internal static string? Slug(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? null : text;
    }

    private static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..10].ToLower(CultureInfo.InvariantCulture);
}
