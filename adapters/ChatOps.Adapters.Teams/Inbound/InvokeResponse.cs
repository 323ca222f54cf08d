using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>The body of the answer to an <c>adaptiveCard/action</c> invoke; its status code is also the HTTP status (PROTOCOLS.md B4).</summary>
internal sealed record InvokeResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] JsonNode? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(JsonObject card) => new(200, CardType, card);

    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public static InvokeResponse Error(int status, string code, string message) =>
        new(status, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
}
