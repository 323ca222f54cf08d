using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Api;

/// <summary>
/// <see cref="IncidentJson.Options"/> for what the API writes, with text left as typed. The default encoder escapes
/// backticks, angle brackets and ampersands (<c>\u0060</c>, <c>\u003C</c>) in case the JSON is pasted into HTML.
/// Every body here is served as <c>application/json</c> and the console reads it with <c>fetch</c>, so the escapes
/// only made curl output of replies such as <c>`incident declare`</c> hard to read.
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(IncidentJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
