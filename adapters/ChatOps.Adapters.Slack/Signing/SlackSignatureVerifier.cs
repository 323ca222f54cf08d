using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Adapters.Slack.Signing;

/// <summary>Why a request was refused; <see cref="Valid"/> is the only success.</summary>
internal enum SignatureCheck
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    Mismatch,
}

/// <summary>
/// Slack's v0 request signing: <c>v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + raw body))</c>, compared in
/// constant time over the exact bytes received (a decode/re-encode round trip changes them: PROTOCOLS.md D1).
/// Two secrets are accepted so a secret can be rotated without refusing requests in between.
/// </summary>
internal sealed class SlackSignatureVerifier
{
    /// <summary>Slack's replay window; older or future-dated requests are refused.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private readonly byte[][] _secrets;
    private readonly TimeProvider _clock;

    public SlackSignatureVerifier(IEnumerable<string?> secrets, TimeProvider clock)
    {
        _secrets = [.. secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s!))];
        if (_secrets.Length == 0) throw new ArgumentException("At least one Slack signing secret is required.", nameof(secrets));
        _clock = clock;
    }

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.MissingHeaders;
        var age = _clock.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > Window.TotalSeconds) return SignatureCheck.StaleTimestamp;

        var presented = Encoding.ASCII.GetBytes(signature);
        var baseString = BaseString(timestamp, body);
        var match = false;
        foreach (var secret in _secrets)
        {
            // Every secret is tried (no early exit) so timing does not reveal which one matched.
            match |= CryptographicOperations.FixedTimeEquals(Sign(secret, baseString), presented);
        }
        return match ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value Slack would send for <paramref name="body"/>; used by tests and the load driver.</summary>
    public static string Signature(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Encoding.ASCII.GetString(Sign(Encoding.UTF8.GetBytes(secret), BaseString(timestamp, body)));

    private static byte[] BaseString(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        var all = new byte[prefix.Length + body.Length];
        prefix.CopyTo(all, 0);
        body.CopyTo(all.AsSpan(prefix.Length));
        return all;
    }

    private static byte[] Sign(byte[] secret, byte[] baseString) =>
        Encoding.ASCII.GetBytes(Version + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, baseString)));
}
