using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Core.Postmortems;

namespace ChatOps.Bot.Api;

/// <summary>Read-only views of incidents: list, snapshot, timeline and post-mortem draft.</summary>
internal static partial class IncidentEndpoints
{
    public static void MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListAsync)
            .WithName("ListIncidents")
            .WithSummary("Incidents by id; ?status=open for the open ones, or a status name such as resolved.")
            .Produces<IReadOnlyList<Incident>>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
        incidents.MapGet("/{id}", GetAsync)
            .WithName("GetIncident")
            .Produces<Incident>()
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        incidents.MapGet("/{id}/timeline", TimelineAsync)
            .WithName("GetIncidentTimeline")
            .Produces<IReadOnlyList<TimelineEntry>>()
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        incidents.MapGet("/{id}/postmortem", PostmortemAsync)
            .WithName("GetIncidentPostmortem")
            .WithSummary("The post-mortem draft in Markdown, generated from the snapshot and the timeline.")
            .Produces<string>(contentType: "text/markdown")
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string? status, IIncidentStore store, CancellationToken ct)
    {
        var openOnly = string.Equals(status, "open", StringComparison.OrdinalIgnoreCase);
        IncidentStatus? exact = null;
        if (!openOnly && !string.IsNullOrWhiteSpace(status))
        {
            if (!IncidentStatusText.TryParse(status, out var parsed))
                return ApiResults.Error(400, $"Unknown status \"{status}\": use open, or one of {string.Join(", ", Enum.GetValues<IncidentStatus>().Select(s => s.ToText()))}.");
            exact = parsed;
        }
        var list = await store.ListAsync(new IncidentQuery(OpenOnly: openOnly), ct);
        return ApiResults.Json(exact is { } wanted ? [.. list.Where(i => i.Status == wanted)] : list);
    }

    private static async Task<IResult> GetAsync(string id, IIncidentStore store, CancellationToken ct) =>
        await FindAsync(id, store, ct) is { } incident ? ApiResults.Json(incident) : NotFound(id);

    private static async Task<IResult> TimelineAsync(string id, IIncidentStore store, CancellationToken ct) =>
        await FindAsync(id, store, ct) is { } incident ? ApiResults.Json(await store.GetTimelineAsync(incident.Id, ct)) : NotFound(id);

    private static async Task<IResult> PostmortemAsync(string id, IIncidentStore store, CancellationToken ct)
    {
        if (await FindAsync(id, store, ct) is not { } incident) return NotFound(id);
        var draft = PostmortemDraft.Render(incident, await store.GetTimelineAsync(incident.Id, ct));
        return Results.Text(draft, "text/markdown; charset=utf-8");
    }

    internal static async Task<Incident?> FindAsync(string id, IIncidentStore store, CancellationToken ct) =>
        IncidentId.TryParse(id, out var parsed) ? await store.GetAsync(parsed, ct) : null;

    internal static IResult NotFound(string id) =>
        ApiResults.Error(StatusCodes.Status404NotFound, $"There is no incident {id}. Incident ids look like INC-7; GET /api/incidents lists them.");
}
