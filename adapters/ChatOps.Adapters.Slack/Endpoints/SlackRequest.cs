using System.Buffers;
using ChatOps.Adapters.Slack.Signing;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>Reads the raw body (never through model binding: the signature is over these exact bytes) and verifies it.</summary>
internal static class SlackRequest
{
    /// <summary>Slack bodies are small; anything larger is not from Slack.</summary>
    private const int MaxBody = 1 << 20;

    /// <summary>
    /// The body's bytes, or null when it is larger than Slack sends. Slack always sends a Content-Length: the body is
    /// then read straight into an array of that size (no intermediate buffers on the acknowledgement path).
    /// </summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is not { } length) return await ReadUnknownLengthAsync(request.Body, ct).ConfigureAwait(false);
        if (length > MaxBody) return null;
        var body = new byte[length];
        var read = 0;
        while (read < body.Length)
        {
            var n = await request.Body.ReadAsync(body.AsMemory(read), ct).ConfigureAwait(false);
            if (n == 0) return body[..read];
            read += n;
        }
        return body;
    }

    private static async Task<byte[]?> ReadUnknownLengthAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBody) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    public static bool IsSigned(HttpRequest request, byte[] body, SlackSignatureVerifier verifier) =>
        verifier.Verify(request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body) == SignatureCheck.Valid;
}
