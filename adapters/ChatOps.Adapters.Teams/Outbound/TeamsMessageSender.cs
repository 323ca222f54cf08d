using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Activities;
using ChatOps.Adapters.Teams.Hosting;
using ChatOps.Adapters.Teams.Inbound;
using ChatOps.Core.Bridge;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>
/// Delivers outbox messages to Teams. An incident declared from Teams gets its own thread in the incidents channel
/// (a proactive <c>createConversation</c> whose first message is the status card); later revisions of the status card
/// update that one message in place (<c>PUT</c>); other messages go to whatever Teams conversation the neutral
/// channel is bound to. A message already posted (its key is bound) is not posted again after a crash.
/// </summary>
public sealed class TeamsMessageSender
{
    private readonly ConnectorClient _connector;
    private readonly ConversationDirectory _conversations;
    private readonly TeamsOptions _options;

    internal TeamsMessageSender(ConnectorClient connector, ConversationDirectory conversations, IOptions<TeamsOptions> options)
    {
        _connector = connector;
        _conversations = conversations;
        _options = options.Value;
    }

    /// <summary>Posts or updates the message; false when the channel is not a Teams conversation (nothing to do here).</summary>
    public async Task<bool> DeliverAsync(TeamsOutbound message, CancellationToken ct)
    {
        var activity = MessageActivities.For(message.Kind, message.Card, message.Snapshot);
        var to = await _conversations.FindAsync(message.Channel, ct);
        if (to is null)
        {
            return message.Kind == MessageKind.StatusCard && await OpenThreadAsync(message, activity, ct);
        }

        var posted = await _conversations.FindMessageAsync(message.MessageKey, ct);
        if (posted is not null)
        {
            if (message.Kind != MessageKind.StatusCard) return true; // posted before a crash: never twice
            await _connector.UpdateAsync(to, posted, activity, ct);
            return true;
        }
        var id = await _connector.SendAsync(to, activity, ct);
        if (id is not null) await _conversations.BindMessageAsync(message.MessageKey, id, ct);
        return true;
    }

    private async Task<bool> OpenThreadAsync(TeamsOutbound message, JsonObject activity, CancellationToken ct)
    {
        var channel = await IncidentsChannelAsync(message, ct);
        if (channel?.ChannelId is null) return false;

        var parameters = new JsonObject
        {
            ["isGroup"] = true,
            ["tenantId"] = channel.TenantId,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channel.ChannelId },
                ["tenant"] = new JsonObject { ["id"] = channel.TenantId },
            },
            ["activity"] = activity,
        };
        if (channel.BotId is not null) parameters["bot"] = new JsonObject { ["id"] = channel.BotId, ["name"] = channel.BotName };

        var (conversationId, activityId) = await _connector.CreateConversationAsync(channel.ServiceUrl, channel.ChannelId, parameters, ct);
        activityId ??= MessageIdOf(conversationId);
        await _conversations.BindThreadAsync(message.Channel, channel with { ConversationId = conversationId, ConversationType = "channel" }, ct);
        if (activityId is not null) await _conversations.BindMessageAsync(message.MessageKey, activityId, ct);
        return true;
    }

    /// <summary>
    /// The configured incidents channel; without one, the Teams channel the incident was declared in. An incident
    /// declared on another surface gets no Teams thread unless an incidents channel is configured.
    /// </summary>
    private async Task<ConversationReference?> IncidentsChannelAsync(TeamsOutbound message, CancellationToken ct)
    {
        var origin = message.Snapshot is null ? null : await _conversations.FindAsync(message.Snapshot.OriginChannel, ct);
        if (!string.IsNullOrWhiteSpace(_options.IncidentsChannel))
        {
            var configured = await _conversations.FindAsync(_options.IncidentsChannel, ct);
            if (configured is not null) return configured;
        }
        return origin?.ConversationType == "channel" ? origin with { ConversationId = origin.ChannelId ?? origin.ConversationId } : null;
    }

    /// <summary>A channel thread's id ends in <c>;messageid=&lt;root activity id&gt;</c> (PROTOCOLS.md B1).</summary>
    internal static string? MessageIdOf(string conversationId)
    {
        const string marker = ";messageid=";
        var at = conversationId.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : conversationId[(at + marker.Length)..];
    }
}
