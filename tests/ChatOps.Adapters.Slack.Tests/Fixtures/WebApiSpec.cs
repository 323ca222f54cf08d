using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>
/// Argument names and required flags per method from slackapi's OpenAPI 2.0 spec (../shared/specs/slack_web_openapi_v2.json).
/// The spec is from 2020: methods it lacks (bookmarks.add) are not checked, and it says nothing of scopes.
/// </summary>
internal static class WebApiSpec
{
    private static readonly Lazy<Dictionary<string, (HashSet<string> All, HashSet<string> Required)>> Methods = new(Load);

    public static bool Covers(string method) => Methods.Value.ContainsKey(method);

    public static IEnumerable<string> Violations(StandInCall call)
    {
        if (!Methods.Value.TryGetValue(call.Method, out var parameters)) yield break;
        foreach (var name in call.Arguments.Select(a => a.Key).Where(n => !parameters.All.Contains(n)))
            yield return $"{call.Method}: '{name}' is not an argument of the method";
        foreach (var name in parameters.Required.Where(r => r != "token" && !call.Arguments.ContainsKey(r)))
            yield return $"{call.Method}: required argument '{name}' is missing";
        if (call.Authorization is not { } auth || !auth.StartsWith("Bearer xoxb-", StringComparison.Ordinal))
            yield return $"{call.Method}: no Bearer bot token";
    }

    private static Dictionary<string, (HashSet<string>, HashSet<string>)> Load()
    {
        var spec = JsonNode.Parse(File.ReadAllText(RepoPaths.Specs("slack_web_openapi_v2.json")))!;
        var result = new Dictionary<string, (HashSet<string>, HashSet<string>)>(StringComparer.Ordinal);
        foreach (var (path, operations) in spec["paths"]!.AsObject())
        {
            var parameters = operations!.AsObject().SelectMany(o => o.Value!["parameters"]?.AsArray() ?? []).ToList();
            result[path.TrimStart('/')] = (
                [.. parameters.Select(p => (string)p!["name"]!)],
                [.. parameters.Where(p => (bool?)p!["required"] == true).Select(p => (string)p!["name"]!)]);
        }
        return result;
    }
}
