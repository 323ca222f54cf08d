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
        var group = endpoints.MapGroup("").ExcludeFromDescription();
        group.MapPost(options.CommandsPath, (HttpContext c, SlackCommandsEndpoint e) => e.HandleAsync(c));
        group.MapPost(options.InteractionsPath, (HttpContext c, SlackInteractionsEndpoint e) => e.HandleAsync(c));
        group.MapPost(options.EventsPath, (HttpContext c, SlackEventsEndpoint e) => e.HandleAsync(c));
        return endpoints;
    }
}
