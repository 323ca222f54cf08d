using ChatOps.Adapters.Teams.Outbound;

namespace ChatOps.Bot.Delivery;

/// <summary>Outbox messages to Microsoft Teams when the adapter is enabled (<c>Teams:Enabled</c>); nothing otherwise.</summary>
internal sealed class TeamsChatSink(IServiceProvider services) : IChatSink
{
    private readonly TeamsMessageSender? _sender = services.GetService<TeamsMessageSender>();

    public async Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct)
    {
        if (_sender is null) return;
        await _sender.DeliverAsync(new TeamsOutbound(delivery.MessageKey, delivery.Channel, delivery.Kind, delivery.Card, delivery.Snapshot), ct);
    }
}
