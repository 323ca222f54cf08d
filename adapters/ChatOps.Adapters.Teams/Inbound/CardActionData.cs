using System.Globalization;
using System.Text.Json;
using ChatOps.Cards;

namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>
/// The verb, incident and input values of a card action, read the same way from an <c>Action.Execute</c> invoke
/// (<c>value.action.verb</c> + <c>value.action.data</c>) and from an <c>Action.Submit</c> message (<c>value</c>).
/// </summary>
internal sealed record CardActionData(string Verb, string IncidentId, IReadOnlyDictionary<string, string> Inputs)
{
    public static CardActionData? FromInvoke(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object) return null;
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return From(data, verb);
    }

    public static CardActionData? FromSubmit(JsonElement value) => value.ValueKind == JsonValueKind.Object ? From(value, null) : null;

    public static bool IsExecute(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("action", out var action) &&
        action.ValueKind == JsonValueKind.Object && action.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String &&
        type.GetString() == "Action.Execute";

    private static CardActionData? From(JsonElement data, string? verb)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                var text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True or JsonValueKind.False => property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                    _ => null,
                };
                if (text is not null) inputs[property.Name] = text;
            }
        }
        verb ??= inputs.GetValueOrDefault(CardVerbs.VerbKey);
        var incident = inputs.GetValueOrDefault(CardVerbs.IncidentKey);
        return string.IsNullOrWhiteSpace(verb) || string.IsNullOrWhiteSpace(incident) ? null : new CardActionData(verb, incident, inputs);
    }
}
