using ChatOps.Cards.Rendering;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Bot.Delivery;

/// <summary>The web console's chat surface: upserts into the transcript, so a redelivery is never shown twice.</summary>
internal sealed class ConsoleTranscriptSink(IConsoleTranscript transcript) : IMessageSink
{
    public async Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct)
    {
        var text = AdaptiveCardRenderer.RenderText(delivery.Card);
        var card = delivery.Kind == MessageKind.Notice ? null : AdaptiveCardRenderer.Render(delivery.Card).ToJsonString();
        await transcript.UpsertAsync(delivery.MessageKey, delivery.Channel, delivery.At, Actor.Bot.Name, text, card, ct);
    }
}
