using System.Text.Json;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Api;

/// <summary>Reads JSON bodies so that malformed input gets a clear 400 in our own shape, not a framework page.</summary>
internal static class ApiBody
{
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, IncidentJson.Options, ct);
            return body is null ? (null, ApiResults.Error(400, "The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiResults.Error(400, $"The body is not valid JSON: {ex.Message}"));
        }
    }

    /// <summary>The actor from <c>user</c>: id and name stand in for each other when one is missing.</summary>
    public static Actor? ActorOf(ChatParty? user)
    {
        var id = Blank(user?.Id) ?? Blank(user?.Name);
        return id is null ? null : new Actor(id, Blank(user?.Name) ?? id);
    }

    /// <summary>The channel the command speaks in: its id, or its name when the surface has no ids.</summary>
    public static string? ChannelOf(ChatParty? channel) => Blank(channel?.Id) ?? Blank(channel?.Name);

    public static string IdempotencyKey(HttpRequest request, string surface) =>
        Blank(request.Headers["Idempotency-Key"].ToString()) is { } key ? $"{surface}:{key}" : $"{surface}:{Guid.NewGuid():N}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
