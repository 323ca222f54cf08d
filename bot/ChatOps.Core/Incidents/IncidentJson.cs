using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Core.Incidents;

/// <summary>The one JSON shape of snapshots, messages and results, shared by the stores and the HTTP API.</summary>
public static class IncidentJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new IncidentIdJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}

/// <summary>Writes ids as <c>"INC-7"</c>, as users see them.</summary>
internal sealed class IncidentIdJsonConverter : JsonConverter<IncidentId>
{
    public override IncidentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IncidentId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected an incident id like INC-7.");

    public override void Write(Utf8JsonWriter writer, IncidentId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

    public override IncidentId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, IncidentId value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
}
