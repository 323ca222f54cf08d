using ChatOps.Core.Bridge;
using ChatOps.Core.Catalog;
using ChatOps.Core.Dispatch;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Hosting;

public static class BridgeServiceCollectionExtensions
{
    /// <summary>The bridge, its settings (<c>Bridge</c>), the service catalog (<c>Services</c>) and the dispatcher.</summary>
    public static IServiceCollection AddChatOpsBridge(this IServiceCollection services)
    {
        services.AddOptions<BridgeSettings>()
            .BindConfiguration("Bridge")
            .Validate(s => s.DefaultSeverity is >= 1 and <= 4, "Bridge:DefaultSeverity must be 1, 2, 3 or 4.")
            .ValidateOnStart();
        services.AddOptions<List<ServiceEntry>>()
            .BindConfiguration("Services")
            .Validate(list => list.TrueForAll(s => !string.IsNullOrWhiteSpace(s.Name)), "Every entry of Services needs a Name.")
            .Validate(list => list.TrueForAll(s => !string.IsNullOrWhiteSpace(s.StakeholderChannel)), "Every entry of Services needs a StakeholderChannel.")
            .Validate(list => list.TrueForAll(s => s.AvailabilityTarget is > 0 and <= 100), "Services: AvailabilityTarget is a percentage between 0 and 100.")
            .ValidateOnStart();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BridgeSettings>>().Value);
        services.AddSingleton(sp => new ServiceCatalog(sp.GetRequiredService<IOptions<List<ServiceEntry>>>().Value));
        services.AddSingleton<IncidentBridge>();
        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<CommandDispatcher>();
        return services;
    }
}
