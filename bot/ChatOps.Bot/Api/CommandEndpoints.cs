using ChatOps.Cards;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Api;

/// <summary><c>POST /api/commands</c> (HTTP API), <c>POST /api/console/commands</c> and <c>POST /api/cards/actions</c> (web console).</summary>
internal static class CommandEndpoints
{
    public static void MapCommandEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/commands", (HttpRequest request, ChatCommands commands, CancellationToken ct) => PostAsync(request, commands, ChatCommands.ApiSurface, ct))
            .WithName("PostCommand")
            .WithSummary("Run one command of the command language in a channel, as a user.")
            .Accepts<CommandBody>("application/json")
            .Produces<CommandResponse>(StatusCodes.Status200OK)
            .Produces<CommandResponse>(StatusCodes.Status400BadRequest)
            .Produces<CommandResponse>(StatusCodes.Status404NotFound)
            .Produces<CommandResponse>(StatusCodes.Status409Conflict);

        app.MapPost("/api/console/commands", (HttpRequest request, ChatCommands commands, CancellationToken ct) => PostAsync(request, commands, ChatCommands.ConsoleSurface, ct))
            .WithName("PostConsoleCommand")
            .Accepts<CommandBody>("application/json")
            .Produces<CommandResponse>();

        app.MapPost("/api/cards/actions", PostCardActionAsync)
            .WithName("PostCardAction")
            .WithSummary("Run a card button press: its verb and inputs become command texts.")
            .Accepts<CardActionBody>("application/json")
            .Produces<CommandResponse>();
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ChatCommands commands, string surface, CancellationToken ct)
    {
        var (body, error) = await ApiBody.ReadAsync<CommandBody>(request, ct);
        if (body is null) return error!;
        if (string.IsNullOrWhiteSpace(body.Text)) return ApiResults.Error(400, "\"text\" is required: the command to run, e.g. \"incident declare Checkout errors --sev 2\".");
        if (ApiBody.ActorOf(body.User) is not { } actor) return ApiResults.Error(400, "\"user\" is required, with an \"id\" or a \"name\".");
        if (ApiBody.ChannelOf(body.Channel) is not { } channel) return ApiResults.Error(400, "\"channel\" is required, with an \"id\" or a \"name\".");
        return await commands.RunAsync([body.Text], actor, channel, surface, ApiBody.IdempotencyKey(request, surface), ct);
    }

    private static async Task<IResult> PostCardActionAsync(HttpRequest request, ChatCommands commands, CancellationToken ct)
    {
        var (body, error) = await ApiBody.ReadAsync<CardActionBody>(request, ct);
        if (body is null) return error!;
        if (string.IsNullOrWhiteSpace(body.Verb)) return ApiResults.Error(400, "\"verb\" is required.");
        if (!IncidentId.TryParse(body.Incident, out var incident)) return ApiResults.Error(400, "\"incident\" is required, like \"INC-7\".");
        if (ApiBody.ActorOf(body.User) is not { } actor) return ApiResults.Error(400, "\"user\" is required, with an \"id\" or a \"name\".");
        if (ApiBody.ChannelOf(body.Channel) is not { } channel) return ApiResults.Error(400, "\"channel\" is required, with an \"id\" or a \"name\".");

        var inputs = (body.Inputs ?? []).ToDictionary(p => p.Key, p => p.Value ?? "");
        var texts = CardVerbs.ToCommandTexts(body.Verb, incident.ToString(), inputs);
        if (texts.Count == 0) return ApiResults.Error(400, $"The card action \"{body.Verb}\" needs its inputs filled in.");
        return await commands.RunAsync(texts, actor, channel, ChatCommands.ConsoleSurface, ApiBody.IdempotencyKey(request, "card"), ct);
    }
}
