using ChatOps.Adapters.Teams.Authentication;
using ChatOps.Adapters.Teams.Inbound;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Hosting;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The Teams adapter (section <c>Teams</c>): inbound authentication, the activity processor (an
    /// <see cref="IInboundHandler"/>), the Bot Connector client and <see cref="TeamsMessageSender"/>. Registers nothing
    /// but the options when <c>Teams:Enabled</c> is false. Needs <see cref="IInboundQueue"/>,
    /// <see cref="IPlatformDirectory"/>, the dispatcher and a <see cref="TimeProvider"/> from the host, and uses the
    /// host's <see cref="IRateGate"/> (shared by replicas) or, without one, an in-process gate.
    /// </summary>
    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.Section);
        services.AddOptions<TeamsOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidation>());
        if (!section.GetValue<bool>(nameof(TeamsOptions.Enabled))) return services;

        services.AddHttpClient(nameof(BotTokenValidator));
        services.AddHttpClient(MsalHttpClientFactory.Name);
        services.AddHttpClient<ConnectorClient>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<IRateGate, InProcessRateGate>();
        services.AddSingleton<ConversationThrottle>();
        services.TryAddSingleton<IBotTokenSource, MsalBotTokenSource>();
        services.AddSingleton<ConversationDirectory>();
        services.TryAddSingleton<IInboundWakeup, NoInboundWakeup>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton(sp => new TeamsMessageSender(
            sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<ConversationDirectory>(), sp.GetRequiredService<IOptions<TeamsOptions>>()));
        services.AddSingleton(sp => new TeamsActivityProcessor(
            sp.GetRequiredService<CommandDispatcher>(), sp.GetRequiredService<ConversationDirectory>(),
            sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<ILogger<TeamsActivityProcessor>>()));
        services.AddSingleton<IInboundHandler>(sp => sp.GetRequiredService<TeamsActivityProcessor>());
        return services;
    }
}

/// <summary>Without a host pump to wake (tests, tools), recording is enough: whoever claims the queue will find the item.</summary>
internal sealed class NoInboundWakeup : IInboundWakeup
{
    public void Raise()
    {
    }
}
