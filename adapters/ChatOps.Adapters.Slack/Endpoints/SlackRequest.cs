using ChatOps.Adapters.Slack.Signing;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>Reads the raw body (never through model binding: the signature is over these exact bytes) and verifies it.</summary>
internal static class SlackRequest
{
    /// <summary>Slack bodies are small; anything larger is not from Slack.</summary>
    private const int MaxBody = 1 << 20;

    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBody) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static bool IsSigned(HttpRequest request, byte[] body, SlackSignatureVerifier verifier) =>
        verifier.Verify(request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body) == SignatureCheck.Valid;
}
