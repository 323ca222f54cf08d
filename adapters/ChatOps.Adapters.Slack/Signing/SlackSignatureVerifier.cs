using System.Buffers;
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
    private const int MacLength = 32;
    private static readonly byte[] Prefix = "v0:"u8.ToArray();
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

        // The presented MAC as bytes (its format is public; only the comparison with ours must not leak timing).
        Span<byte> presented = stackalloc byte[MacLength];
        if (!TryDecode(signature, presented)) return SignatureCheck.Mismatch;

        // The base string in a pooled buffer: this runs for every request, before the acknowledgement.
        var length = Prefix.Length + timestamp.Length + 1 + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var baseString = rented.AsSpan(0, length);
            Prefix.CopyTo(baseString);
            Encoding.ASCII.GetBytes(timestamp, baseString[Prefix.Length..]);
            baseString[Prefix.Length + timestamp.Length] = (byte)':';
            body.CopyTo(baseString[(Prefix.Length + timestamp.Length + 1)..]);
            Span<byte> expected = stackalloc byte[MacLength];
            var match = false;
            foreach (var secret in _secrets)
            {
                // Every secret is tried (no early exit) so timing does not reveal which one matched.
                HMACSHA256.HashData(secret, baseString, expected);
                match |= CryptographicOperations.FixedTimeEquals(expected, presented);
            }
            return match ? SignatureCheck.Valid : SignatureCheck.Mismatch;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The header value Slack would send for <paramref name="body"/>; used by tests and the load driver.</summary>
    public static string Signature(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var baseString = new byte[Prefix.Length + timestamp.Length + 1 + body.Length];
        Prefix.CopyTo(baseString);
        Encoding.ASCII.GetBytes(timestamp, baseString.AsSpan(Prefix.Length));
        baseString[Prefix.Length + timestamp.Length] = (byte)':';
        body.CopyTo(baseString.AsSpan(Prefix.Length + timestamp.Length + 1));
        return Version + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), baseString));
    }

    /// <summary><c>v0=</c> and 64 hex digits, decoded; anything else cannot match.</summary>
    private static bool TryDecode(string signature, Span<byte> mac) =>
        signature.Length == Version.Length + 1 + (2 * MacLength)
        && signature.StartsWith(Version + "=", StringComparison.Ordinal)
        && Convert.FromHexString(signature.AsSpan(Version.Length + 1), mac, out _, out var written) == OperationStatus.Done
        && written == MacLength;
}
