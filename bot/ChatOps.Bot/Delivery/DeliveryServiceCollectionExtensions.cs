using ChatOps.Bot.Live;
using ChatOps.Core.Ports;

namespace ChatOps.Bot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The outbox, timer and inbound pumps (section <c>Delivery</c>), the console sink fanned out with the chat
    /// platforms' sinks, and the in-process wake-ups.
    /// </summary>
    public static IServiceCollection AddChatOpsDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxWakeup>();
        services.AddSingleton<IOutboxWakeup>(sp => sp.GetRequiredService<OutboxWakeup>());
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<PumpIdentity>();
        services.AddSingleton<ConsoleTranscriptSink>();
        services.AddSingleton<IMessageSink, FanOutMessageSink>();
        services.AddSingleton<IChatSink, TeamsChatSink>();
        services.AddSingleton<IChatSink, SlackChatSink>();
        services.AddSingleton<InboundWakeup>();
        services.AddSingleton<IInboundWakeup>(sp => sp.GetRequiredService<InboundWakeup>());
        services.AddSingleton<InboundPump>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundPump>());
        services.AddSingleton<DeliveryLeadership>();
        services.AddSingleton<OutboxPump>();
        services.AddSingleton<TimerPump>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPump>());
        services.AddHostedService(sp => sp.GetRequiredService<TimerPump>());
        return services;
    }
}
