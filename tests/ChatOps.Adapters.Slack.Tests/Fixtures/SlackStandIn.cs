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
internal sealed record StandInReply(int Status, string Body, int? RetryAfterSeconds = null, bool Hang = false, bool Acted = false, Task? Release = null)
{
    public static StandInReply Error(string error) => new(200, $$"""{"ok":false,"error":"{{error}}"}""");
    public static StandInReply RateLimited(int seconds) => new(429, """{"ok":false,"error":"ratelimited"}""", seconds);
    public static StandInReply ServerError() => new(503, "<html>upstream unavailable</html>");
    public static StandInReply NoAnswer() => new(200, "", Hang: true);
    /// <summary>Slack does the work (a channel is created) but the answer never arrives: the bot cannot know it happened.</summary>
    public static StandInReply AnswerLost() => new(200, "", Hang: true, Acted: true);
    /// <summary>Slack does the work (a message is posted) but answers 503 afterwards: the bot cannot know it happened.</summary>
    public static StandInReply FailedAfterActing() => new(503, "<html>upstream timed out</html>", Acted: true);
    /// <summary>The normal answer, held back until the test completes <paramref name="release"/>.</summary>
    public static StandInReply HeldUntil(Task release) => new(200, "", Release: release);
}

/// <summary>A channel the stand-in knows: made by <c>conversations.create</c> or seeded by a test.</summary>
internal sealed record StandInChannel(string Id, string Name, bool IsPrivate = false, bool IsMember = true, bool IsArchived = false);

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
    private readonly List<StandInChannel> _known = [];
    private int _channels;
    private long _ts;
    private readonly ConcurrentDictionary<string, List<JsonObject>> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _bookmarks = new(StringComparer.Ordinal);
    private int _bookmarkIds;

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

    /// <summary>A channel that exists before the test: its name is taken and the listing methods show it.</summary>
    public void AddChannel(StandInChannel channel)
    {
        lock (_known) _known.Add(channel);
    }

    /// <summary>The next calls of <paramref name="method"/> get these answers, in order; then normal answers again.</summary>
    public void Script(string method, params StandInReply[] replies)
    {
        var queue = _script.GetOrAdd(method, _ => new ConcurrentQueue<StandInReply>());
        foreach (var reply in replies) queue.Enqueue(reply);
    }

    /// <summary>Drops the answers still scripted for <paramref name="method"/>: Slack is back to normal.</summary>
    public void ClearScript(string method) => _script.TryRemove(method, out _);

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
                if (reply.Acted) Normal(method, arguments);
                try
                {
                    await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token).Token);
                }
                catch (OperationCanceledException)
                {
                }
                return;
            }
            if (reply.Release is { } release)
            {
                await release.WaitAsync(_stopping.Token);
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(Normal(method, arguments).ToJsonString());
                return;
            }
            if (reply.Acted) Normal(method, arguments);
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
                return Create((string)args["name"]!, args["is_private"]?.GetValue<bool>() == true);
            case "conversations.list":
                return List(args, membersOnly: false);
            case "users.conversations":
                return List(args, membersOnly: true);
            case "chat.postMessage":
            case "chat.update":
                ok["channel"] = args["channel"]?.DeepClone();
                ok["ts"] = method == "chat.update" ? args["ts"]?.DeepClone() : $"1700000000.{Interlocked.Increment(ref _ts):D6}";
                Keep((string?)args["channel"] ?? "", (string)ok["ts"]!, args);
                break;
            case "users.info":
                var id = (string?)args["user"] ?? "U0";
                ok["user"] = new JsonObject { ["id"] = id, ["name"] = id.ToLowerInvariant(), ["real_name"] = $"Real {id}", ["profile"] = new JsonObject { ["display_name"] = $"Display {id}" } };
                break;
            case "bookmarks.add":
                var bookmark = new JsonObject { ["id"] = $"Bk{Interlocked.Increment(ref _bookmarkIds):D6}", ["title"] = args["title"]?.DeepClone(), ["link"] = args["link"]?.DeepClone() };
                _bookmarks.GetOrAdd((string?)args["channel_id"] ?? "", _ => new()).Enqueue(bookmark);
                ok["bookmark"] = bookmark.DeepClone();
                break;
            case "bookmarks.list":
                ok["bookmarks"] = new JsonArray([.. _bookmarks.GetOrAdd((string?)args["channel_id"] ?? "", _ => new()).Select(b => b.DeepClone())]);
                break;
            case "conversations.history" when args["latest"] is not null:
                ok["messages"] = new JsonArray { new JsonObject { ["type"] = "message", ["user"] = "U222", ["text"] = "DB failover done", ["ts"] = args["latest"]?.DeepClone() } };
                break;
            case "conversations.history":
                ok["messages"] = History((string?)args["channel"] ?? "");
                break;
        }
        return ok;
    }

    /// <summary>The bot's posts, as <c>conversations.history</c> lists them; an update replaces the post's text and blocks.</summary>
    private void Keep(string channel, string ts, JsonObject args)
    {
        var posts = _posts.GetOrAdd(channel, _ => []);
        lock (posts)
        {
            posts.RemoveAll(p => (string?)p["ts"] == ts);
            posts.Add(new JsonObject { ["type"] = "message", ["bot_id"] = "B0BOT", ["ts"] = ts, ["text"] = args["text"]?.DeepClone(), ["blocks"] = args["blocks"]?.DeepClone() });
        }
    }

    /// <summary>Newest first, all of it: the stand-in's ts are not times, so <c>oldest</c> is not applied.</summary>
    private JsonArray History(string channel)
    {
        var posts = _posts.GetOrAdd(channel, _ => []);
        lock (posts)
        {
            return [.. posts.OrderByDescending(p => (string?)p["ts"], StringComparer.Ordinal).Select(p => p.DeepClone())];
        }
    }

    /// <summary>Like Slack: a name in use (archived channels too) is <c>name_taken</c>.</summary>
    private JsonObject Create(string name, bool isPrivate)
    {
        lock (_known)
        {
            if (_known.Any(c => c.Name == name)) return new JsonObject { ["ok"] = false, ["error"] = "name_taken" };
            var channel = new StandInChannel($"C{100 + Interlocked.Increment(ref _channels)}", name, isPrivate);
            _known.Add(channel);
            return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = channel.Id, ["name"] = name, ["is_private"] = isPrivate } };
        }
    }

    /// <summary>Pages of <c>limit</c> channels (default 100); the cursor is the next offset. <c>users.conversations</c>: the bot's only.</summary>
    private JsonObject List(JsonObject args, bool membersOnly)
    {
        var types = ((string?)args["types"] ?? "public_channel").Split(',');
        var excludeArchived = (string?)args["exclude_archived"] == "true";
        var limit = int.TryParse((string?)args["limit"], out var l) ? l : 100;
        var offset = int.TryParse(((string?)args["cursor"])?.Replace("offset:", "", StringComparison.Ordinal), out var o) ? o : 0;
        List<StandInChannel> matching;
        lock (_known)
        {
            matching = [.. _known.Where(c => types.Contains(c.IsPrivate ? "private_channel" : "public_channel") && !(excludeArchived && c.IsArchived)
                && (c.IsMember || !membersOnly))];
        }
        var page = new JsonArray([.. matching.Skip(offset).Take(limit).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id, ["name"] = c.Name, ["name_normalized"] = c.Name, ["is_channel"] = !c.IsPrivate, ["is_private"] = c.IsPrivate,
            ["is_archived"] = c.IsArchived, ["is_member"] = c.IsMember,
        })]);
        var next = offset + limit < matching.Count ? $"offset:{offset + limit}" : "";
        return new JsonObject { ["ok"] = true, ["channels"] = page, ["response_metadata"] = new JsonObject { ["next_cursor"] = next } };
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
