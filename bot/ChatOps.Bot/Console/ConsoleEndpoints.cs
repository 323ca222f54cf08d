using ChatOps.Bot.Api;
using ChatOps.Core.Catalog;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Bot.Console;

/// <summary>The web console's data: its configuration, the channel list and the live transcript stream.</summary>
internal static class ConsoleEndpoints
{
    public static void MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        // Outside /api on purpose: the page must learn whether to ask for a key before it has one.
        app.MapGet("/console/config.json", (ApiKeyGate gate, IHostEnvironment environment) =>
                ApiResults.Json(new ConsoleConfig(gate.Required, environment.EnvironmentName)))
            .ExcludeFromDescription();

        var console = app.MapGroup("/api/console").WithTags("Console");
        console.MapGet("/channels", ChannelsAsync)
            .WithName("ListConsoleChannels")
            .Produces<IReadOnlyList<ConsoleChannel>>();
        console.MapGet("/stream", ConsoleStream.Open)
            .WithName("StreamConsole")
            .WithSummary("Server-Sent Events: transcript messages after ?after=N (event 'message'), incident changes (event 'incidents').");
    }

    /// <summary>Incident channels first (open ones), then stakeholder channels of the catalog, then any other channel seen.</summary>
    private static async Task<IResult> ChannelsAsync(IIncidentStore store, IConsoleTranscript transcript, ServiceCatalog catalog, CancellationToken ct)
    {
        var channels = new List<ConsoleChannel>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(ConsoleChannel channel)
        {
            if (seen.Add(channel.Name)) channels.Add(channel);
        }

        foreach (var incident in (await store.ListAsync(new IncidentQuery(), ct)).OrderByDescending(i => i.Status.IsOpen()).ThenByDescending(i => i.Id.Number))
            Add(new ConsoleChannel(incident.Channel, "incident", incident.Id.ToString(), incident.Title, incident.Severity.ToText(), incident.Status.ToText()));
        foreach (var service in catalog.Services)
            Add(new ConsoleChannel(service.StakeholderChannel, "stakeholder", Title: $"Stakeholders of {service.Name}"));
        foreach (var name in await transcript.ChannelsAsync(ct))
            Add(new ConsoleChannel(name, "chat"));
        return ApiResults.Json(channels);
    }
}
