namespace ChatOps.Bot.Delivery;

/// <summary>A chat platform's delivery (Teams, Slack): posts the message when the channel is one of its conversations.</summary>
public interface IChatSink
{
    Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct);
}

/// <summary>
/// Every outbox message goes to the web console and to each enabled chat platform, which posts it only where it
/// knows the channel. All sinks are tried; if one failed the delivery throws and is retried later, which the sinks
/// tolerate (the console upserts by key, the chat sinks remember what they already posted).
/// </summary>
internal sealed class FanOutMessageSink(ConsoleTranscriptSink console, IEnumerable<IChatSink> chats) : IMessageSink
{
    public async Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct)
    {
        await console.DeliverAsync(delivery, ct);
        List<Exception>? failures = null;
        foreach (var chat in chats)
        {
            try
            {
                await chat.DeliverAsync(delivery, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                (failures ??= []).Add(ex);
            }
        }
        if (failures is { Count: 1 }) throw failures[0];
        if (failures is not null) throw new AggregateException("Delivering to several chat platforms failed.", failures);
    }
}
