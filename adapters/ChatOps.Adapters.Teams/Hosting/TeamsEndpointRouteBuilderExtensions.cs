using ChatOps.Adapters.Teams.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Hosting;

public static class TeamsEndpointRouteBuilderExtensions
{
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// <c>POST /api/messages</c> (the bot's messaging endpoint) and <c>HEAD /api/messages</c> (the Agents Playground
    /// probes it before it sends anything); nothing is mapped when <c>Teams:Enabled</c> is false.
    /// </summary>
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled) return endpoints;
        endpoints.MapPost(MessagesPath, (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http)).DisableAntiforgery();
        endpoints.MapMethods(MessagesPath, [HttpMethods.Head], () => Results.Ok());
        return endpoints;
    }
}
