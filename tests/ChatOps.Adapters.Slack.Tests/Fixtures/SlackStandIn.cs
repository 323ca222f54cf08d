using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>One call the stand-in received.</summary>
internal sealed record StandInCall(string Method, string? Authorization, string? ContentType, JsonObject Arguments, DateTimeOffset At);

/// <summary>A scripted answer: an HTTP status, a body, an optional Retry-After, or no answer at all (hang).</summary>
internal sealed record StandInReply(int Status, string Body, int? RetryAfterSeconds = null, bool Hang = false)
{
    public static StandInReply Error(string error) => new(200, $$"""{"ok":false,"error":"{{error}}"}""");
    public static StandInReply RateLimited(int seconds) => new(429, """{"ok":false,"error":"ratelimited"}""", seconds);
    public static StandInReply ServerError() => new(503, "<html>upstream unavailable</html>");
    public static StandInReply NoAnswer() => new(200, "", Hang: true);
}

/// <summary>
/// A local stand-in for <c>slack.com/api</c> (Kestrel on 127.0.0.1, port 0): answers like Slack (HTTP 200 +
/// <c>ok</c>), records every call, and plays scripted faults per method (429 + Retry-After, 5xx, ok:false, hang).
/// </summary>
internal sealed class SlackStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StandInCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StandInReply>> _script = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(Func<SlackStandIn, bool> Condition, TaskCompletionSource Reached)> _waiters = [];
    private int _channels;
    private long _ts;

    private SlackStandIn(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public string ResponseUrl => new Uri(ApiBaseUrl, "/hooks/commands/T111/1/x").ToString();

    public IReadOnlyList<StandInCall> Calls => [.. _calls];

    public IReadOnlyList<StandInCall> CallsOf(string method) => [.. _calls.Where(c => c.Method == method)];

    public static async Task<SlackStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new SlackStandIn(app);
        app.MapPost("/api/{method}", standIn.HandleAsync);
        // response_url replies land here too (hooks.slack.com in production), recorded as method "response_url".
        app.MapPost("/hooks/{**path}", (HttpContext c) => standIn.HandleAsync(c, "response_url"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return standIn;
    }

    /// <summary>The next calls of <paramref name="method"/> get these answers, in order; then normal answers again.</summary>
    public void Script(string method, params StandInReply[] replies)
    {
        var queue = _script.GetOrAdd(method, _ => new ConcurrentQueue<StandInReply>());
        foreach (var reply in replies) queue.Enqueue(reply);
    }

    /// <summary>
    /// Completes once the calls received satisfy <paramref name="condition"/>: a real host's pumps run on their own, so
    /// the test waits for the call it expects instead of polling. Fails after <paramref name="within"/> (default 15 s).
    /// </summary>
    public Task WhenAsync(Func<SlackStandIn, bool> condition, TimeSpan? within = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((condition, reached));
        Signal();
        return reached.Task.WaitAsync(within ?? TimeSpan.FromSeconds(15));
    }

    private void Signal()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Condition(this)).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        var arguments = await ReadArguments(context.Request);
        _calls.Enqueue(new StandInCall(method, context.Request.Headers.Authorization, context.Request.ContentType, arguments, DateTimeOffset.UtcNow));
        Signal();
        if (_script.TryGetValue(method, out var queue) && queue.TryDequeue(out var reply))
        {
            if (reply.Hang)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token).Token);
                }
                catch (OperationCanceledException)
                {
                }
                return;
            }
            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body);
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(Normal(method, arguments).ToJsonString());
    }

    private JsonObject Normal(string method, JsonObject args)
    {
        var ok = new JsonObject { ["ok"] = true };
        switch (method)
        {
            case "conversations.create":
                ok["channel"] = new JsonObject { ["id"] = $"C{100 + Interlocked.Increment(ref _channels)}", ["name"] = args["name"]?.DeepClone() };
                break;
            case "chat.postMessage":
            case "chat.update":
                ok["channel"] = args["channel"]?.DeepClone();
                ok["ts"] = method == "chat.update" ? args["ts"]?.DeepClone() : $"1700000000.{Interlocked.Increment(ref _ts):D6}";
                break;
            case "users.info":
                var id = (string?)args["user"] ?? "U0";
                ok["user"] = new JsonObject { ["id"] = id, ["name"] = id.ToLowerInvariant(), ["real_name"] = $"Real {id}", ["profile"] = new JsonObject { ["display_name"] = $"Display {id}" } };
                break;
            case "conversations.history":
                ok["messages"] = new JsonArray { new JsonObject { ["type"] = "message", ["user"] = "U222", ["text"] = "DB failover done", ["ts"] = args["latest"]?.DeepClone() } };
                break;
        }
        return ok;
    }

    private static async Task<JsonObject> ReadArguments(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return new JsonObject([.. form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString())))]);
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
