using System.Text.Json;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>Tolerant reads: Slack adds fields freely and omits optional ones, so a missing member is null, never an exception.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? Str(this JsonElement element, string name) =>
        element.Obj(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool Bool(this JsonElement element, string name) =>
        element.Obj(name).ValueKind == JsonValueKind.True;
}
