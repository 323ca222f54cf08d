using System.Net;
using System.Text;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>Form fields of a verified body. Parsed only after the signature check, from the same raw bytes.</summary>
internal static class SlackForm
{
    /// <summary>
    /// <c>application/x-www-form-urlencoded</c> fields (<c>+</c> is a space, <c>%XX</c> a UTF-8 byte); a repeated field keeps
    /// its last value. Straight into one dictionary: this runs for every slash command before the acknowledgement.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body).AsSpan();
        var fields = new Dictionary<string, string>(16, StringComparer.Ordinal);
        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            if (pair.IsEmpty) continue;
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            if (key.Length == 0) continue;
            fields[key] = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
        }
        return fields;
    }

    public static string? Get(this IReadOnlyDictionary<string, string> form, string key) =>
        form.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static string Decode(ReadOnlySpan<char> encoded) =>
        encoded.ContainsAny('+', '%') ? WebUtility.UrlDecode(encoded.ToString()) : encoded.ToString();
}
