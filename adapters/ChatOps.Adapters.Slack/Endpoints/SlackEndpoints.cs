using ChatOps.Adapters.Slack.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Endpoints;

public static class SlackEndpoints
{
    /// <summary>
    /// The three Slack request URLs (paths from <c>Slack:CommandsPath</c>, <c>EventsPath</c>, <c>InteractionsPath</c>).
    /// Maps nothing when Slack is disabled.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled) return endpoints;
        // The handlers are singletons: resolved once here, not per request.
        var services = endpoints.ServiceProvider;
        var commands = services.GetRequiredService<SlackCommandsEndpoint>();
        var interactions = services.GetRequiredService<SlackInteractionsEndpoint>();
        var events = services.GetRequiredService<SlackEventsEndpoint>();
        var group = endpoints.MapGroup("").ExcludeFromDescription();
        group.MapPost(options.CommandsPath, Run(commands.HandleAsync));
        group.MapPost(options.InteractionsPath, Run(interactions.HandleAsync));
        group.MapPost(options.EventsPath, Run(events.HandleAsync));
        return endpoints;
    }

    /// <summary>A plain request delegate (no parameter binding to generate or run per request) that writes the handler's result.</summary>
    private static RequestDelegate Run(Func<HttpContext, Task<IResult>> handle) =>
        async context => await (await handle(context).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false);
}
