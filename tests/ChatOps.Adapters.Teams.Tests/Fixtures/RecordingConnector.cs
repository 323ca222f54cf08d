using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>
/// Stands in for the Bot Connector service behind HttpClient: records each call and answers like the real service
/// (send 201 {id}, update 200 {id}, createConversation 201 {id, activityId}); queued status codes fail calls first.
/// </summary>
internal sealed class RecordingConnector : HttpMessageHandler
{
    private int _next;

    public sealed record Call(HttpMethod Method, Uri Uri, string? Authorization, JsonObject? Body);

    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>Status codes to answer before succeeding (e.g. 429 then 502).</summary>
    public ConcurrentQueue<HttpStatusCode> Failures { get; } = new();

    public string? RetryAfterSeconds { get; set; }

    private TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a call matching <paramref name="match"/> has arrived (for hosts whose pumps run in the background).</summary>
    public async Task WaitForAsync(Func<Call, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = Volatile.Read(ref _called).Task;
            if (Calls.Any(match)) return;
            await next.WaitAsync(cancel.Token);
        }
    }

    public IReadOnlyList<Call> Sends => [.. Calls.Where(c => c.Method == HttpMethod.Post)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Enqueue(new Call(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), text is null ? null : JsonNode.Parse(text) as JsonObject));
        Interlocked.Exchange(ref _called, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (Failures.TryDequeue(out var failure))
        {
            var failed = new HttpResponseMessage(failure) { Content = new StringContent("""{"error":{"code":"Throttled"}}""") };
            if (RetryAfterSeconds is not null) failed.Headers.TryAddWithoutValidation("Retry-After", RetryAfterSeconds);
            return failed;
        }

        var n = Interlocked.Increment(ref _next);
        var path = request.RequestUri!.AbsolutePath;
        JsonObject answer;
        HttpStatusCode status;
        if (request.Method == HttpMethod.Post && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var channel = (string?)JsonNode.Parse(text!)!["channelData"]?["channel"]?["id"];
            answer = new JsonObject { ["id"] = $"{channel};messageid=thread-{n}", ["activityId"] = $"thread-{n}" };
            status = HttpStatusCode.Created;
        }
        else if (request.Method == HttpMethod.Put)
        {
            answer = new JsonObject { ["id"] = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]) };
            status = HttpStatusCode.OK;
        }
        else
        {
            answer = new JsonObject { ["id"] = $"activity-{n}" };
            status = HttpStatusCode.Created;
        }
        return new HttpResponseMessage(status) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
