using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>Form fields of a verified body. Parsed only after the signature check, from the same raw bytes.</summary>
internal static class SlackForm
{
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return fields.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
    }

    public static string? Get(this IReadOnlyDictionary<string, string> form, string key) =>
        form.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
