using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.Endpoints;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Signing;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Configuration;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack adapter (section <c>Slack</c>): request verification, the three endpoints' services, the Web API
    /// client, the inbound handler (an <see cref="IInboundHandler"/> for surface "slack") and
    /// <see cref="SlackMessageSender"/>. With <c>Slack:Enabled</c> false only the options are registered; enabled
    /// without a signing secret, bot token or allowed workspace, the host refuses to start. Needs
    /// <see cref="IInboundQueue"/>, <see cref="IOutboxStore"/> (replies Slack cannot take at once wait there), <see cref="IPlatformDirectory"/>, the dispatcher, the service catalog, the bridge
    /// settings and a <see cref="TimeProvider"/> from the host, and spaces posts to a channel through the host's
    /// <see cref="IRateGate"/> (shared by replicas) or, without one, an in-process gate.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        services.AddOptions<SlackOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (!section.GetValue<bool>(nameof(SlackOptions.Enabled))) return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new SlackSignatureVerifier([o.SigningSecret, o.SecondarySigningSecret], sp.GetRequiredService<TimeProvider>());
        });
        services.AddHttpClient<SlackApiClient>();
        services.AddHttpClient<SlackReplyPoster>();
        services.AddSingleton<IReplySink>(sp => sp.GetRequiredService<SlackReplyPoster>());
        services.AddSingleton<SlackResponder>();
        services.TryAddSingleton<IRateGate, InProcessRateGate>();
        services.AddSingleton<SlackRateGate>();
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<SlackUsers>();
        services.AddSingleton<SlackReplies>();
        services.AddSingleton<FollowUpSteps>();
        services.AddSingleton<IncidentChannelCreator>();
        services.AddSingleton(sp => new SlackMessageSender(
            sp.GetRequiredService<SlackWebApi>(), sp.GetRequiredService<IPlatformDirectory>(), sp.GetRequiredService<IncidentChannelCreator>(),
            sp.GetRequiredService<FollowUpSteps>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<ILogger<SlackMessageSender>>()));
        services.TryAddSingleton<IInboundWakeup, NoInboundWakeup>();
        services.AddSingleton<SlackInbox>();
        services.AddSingleton<SlackCommandsEndpoint>();
        services.AddSingleton<SlackEventsEndpoint>();
        services.AddMetrics();
        services.AddSingleton<SlackEventLimits>();
        services.AddHealthChecks().AddCheck<SlackEventLimits>("slack-events");
        services.AddSingleton<SlackInteractionsEndpoint>();
        services.AddSingleton<SlackInboundHandler>();
        services.AddSingleton<IInboundHandler>(sp => sp.GetRequiredService<SlackInboundHandler>());
        return services;
    }
}
