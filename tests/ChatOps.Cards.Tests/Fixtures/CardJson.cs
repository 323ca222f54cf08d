using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Cards.Tests.Fixtures;

internal static class CardJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keeps "·" and quotes readable in the approved files; the JSON is the same either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(JsonNode node) => node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    /// <summary>Every string value of <paramref name="propertyName"/> anywhere in the card.</summary>
    public static IEnumerable<string> Values(JsonNode? node, string propertyName)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == propertyName && value is JsonValue v && v.TryGetValue<string>(out var s)) yield return s;
                    foreach (var nested in Values(value, propertyName)) yield return nested;
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in Values(item, propertyName)) yield return nested;
                }
                break;
        }
    }
}
