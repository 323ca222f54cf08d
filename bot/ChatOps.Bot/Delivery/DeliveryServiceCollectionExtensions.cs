using ChatOps.Bot.Live;

namespace ChatOps.Bot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The outbox and timer pumps (section <c>Delivery</c>), the console sink and the in-process wake-ups.</summary>
    public static IServiceCollection AddChatOpsDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxWakeup>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<PumpIdentity>();
        services.AddSingleton<IMessageSink, ConsoleTranscriptSink>();
        services.AddSingleton<OutboxPump>();
        services.AddSingleton<TimerPump>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPump>());
        services.AddHostedService(sp => sp.GetRequiredService<TimerPump>());
        return services;
    }
}
