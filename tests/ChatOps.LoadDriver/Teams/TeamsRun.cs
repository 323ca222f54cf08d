using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.LoadDriver.Teams;

/// <summary>
/// The Teams benchmark (docs/benchmarks.md "Teams"): with JWT validation on, channel messages (<c>note</c> commands on
/// pre-declared incidents, one thread per incident) at a fixed open-loop rate through <c>/api/messages</c>, then
/// <c>Action.Execute</c> invokes (acknowledge, then join) whose answer is the refreshed card. Everything it talks to
/// is on loopback, and every phase is bounded in count and time.
/// </summary>
internal static class TeamsRun
{
    public static async Task<int> RunAsync(TeamsRunSettings settings)
    {
        await using var standIn = await TeamsStandIn.StartAsync(settings.StandInPort, settings.CaFile);
        var traffic = new TeamsTraffic(standIn, settings.AppId);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = settings.BotUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (!await WaitForBotAsync(http, TimeSpan.FromMinutes(2))) return Fail("the bot did not answer /healthz within 2 minutes");

        var token = traffic.CreateToken();
        var installed = await PostAsync(http, token, traffic.InstallationUpdate());
        if (installed != "200") return Fail($"installationUpdate answered {installed}");
        var incidents = await DeclareAsync(settings);
        if (incidents.Length != settings.Incidents) return Fail($"declared only {incidents.Length} of {settings.Incidents} incidents");
        // Teams allows 60 new threads in 30 s per channel, and the bot keeps to that: 200 threads take about 100 s.
        var threads = await WaitUntilAsync(() => standIn.CallsOf("createConversation") >= incidents.Length, TimeSpan.FromSeconds(180));
        await WaitForQuietOutboxAsync(http, TimeSpan.FromSeconds(60));
        Console.WriteLine($"setup: {incidents.Length} incidents declared, {standIn.CallsOf("createConversation")} Teams threads opened ({threads.TotalSeconds:F1} s)");

        Task<string> Note(int i) => PostAsync(http, token, traffic.Message(i % incidents.Length, $"29:bench-user-{i % 50}", $"note {incidents[i % incidents.Length]} load note {i}"));
        var sendsBeforeWarmUp = standIn.CallsOf("send");
        var warmUp = await OpenLoop.RunAsync(50, 3, Note); // not reported
        await WaitUntilAsync(() => standIn.CallsOf("send") >= sendsBeforeWarmUp + warmUp.Sent, TimeSpan.FromSeconds(60));
        var repliesBefore = standIn.CallsOf("send");
        var messages = await OpenLoop.RunAsync(settings.MessageRate, settings.MessageSeconds, Note);
        Console.WriteLine("messages (answer time of POST /api/messages): " + messages);
        var expectedReplies = repliesBefore + messages.Sent;
        var drained = await WaitUntilAsync(() => standIn.CallsOf("send") >= expectedReplies, TimeSpan.FromSeconds(120));
        Console.WriteLine($"replies delivered to the Connector: {standIn.CallsOf("send") - repliesBefore} of {messages.Sent}, last one {drained.TotalSeconds:F1} s after the run ended");

        // Each note revises its incident's card: let the outbox settle so the invokes are measured on their own.
        var settled = await WaitForQuietOutboxAsync(http, TimeSpan.FromSeconds(120));
        Console.WriteLine($"outbox empty {settled.TotalSeconds:F1} s later");
        var invokes = await OpenLoop.RunAsync(settings.InvokeRate, settings.InvokeSeconds, i =>
        {
            var thread = i % incidents.Length;
            var verb = i < incidents.Length ? "ack" : "join";
            return InvokeAsync(http, token, traffic.Execute(thread, $"29:bench-responder-{i % 40}", verb, incidents[thread]));
        });
        Console.WriteLine("Action.Execute (round trip, refreshed card in the answer): " + invokes);
        Console.WriteLine("Connector calls: " + string.Join(", ", standIn.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")));
        var ok = messages.Outcomes.GetValueOrDefault("200") == messages.Sent && invokes.Outcomes.GetValueOrDefault("200 card") == invokes.Sent;
        return ok ? 0 : 1;
    }

    private static async Task<string[]> DeclareAsync(TeamsRunSettings settings)
    {
        using var client = new BotClient([settings.BotUrl]);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var ids = new string?[settings.Incidents];
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ids.Length)
            {
                var (_, id, _) = await client.SendAsync("bench-commander", "bench", $"declare bench incident {i} --sev 2 --service payments", $"{runId}-{i}").ConfigureAwait(false);
                ids[i] = id;
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        return [.. ids.OfType<string>()];
    }

    private static async Task<string> PostAsync(HttpClient http, string token, JsonObject activity)
    {
        using var response = await SendAsync(http, token, activity).ConfigureAwait(false);
        return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"200 card" when the answer is the refreshed Adaptive Card; otherwise the status and the answer's type.</summary>
    private static async Task<string> InvokeAsync(HttpClient http, string token, JsonObject activity)
    {
        using var response = await SendAsync(http, token, activity).ConfigureAwait(false);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        var type = (string?)body?["type"];
        var kind = type == "application/vnd.microsoft.card.adaptive" ? "card" : type ?? "empty";
        return $"{(int)response.StatusCode} {kind}";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string token, JsonObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private static async Task<bool> WaitForBotAsync(HttpClient http, TimeSpan limit)
    {
        var waited = await WaitUntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative)).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, limit).ConfigureAwait(false);
        return waited < limit;
    }

    /// <summary>Waits until <c>/healthz</c> reports no pending outbox messages.</summary>
    private static Task<TimeSpan> WaitForQuietOutboxAsync(HttpClient http, TimeSpan limit) => WaitUntilAsync(async () =>
    {
        using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative)).ConfigureAwait(false);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return (int?)health?["checks"]?["store"]?["data"]?["pendingMessages"] == 0;
    }, limit);

    private static Task<TimeSpan> WaitUntilAsync(Func<bool> done, TimeSpan limit) => WaitUntilAsync(() => Task.FromResult(done()), limit);

    /// <summary>Polls until <paramref name="done"/> or the limit; returns how long it took (the limit when it never happened).</summary>
    private static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await done().ConfigureAwait(false)) return clock.Elapsed;
            await Task.Delay(100).ConfigureAwait(false);
        }
        return limit;
    }

    private static int Fail(string why)
    {
        Console.Error.WriteLine("teams benchmark: " + why);
        return 1;
    }
}

internal sealed record TeamsRunSettings(Uri BotUrl, int StandInPort, string CaFile, string AppId, int MessageRate, int MessageSeconds, int InvokeRate, int InvokeSeconds, int Incidents)
{
    /// <summary>teams &lt;botUrl&gt; &lt;standInPort&gt; &lt;caFile&gt; &lt;appId&gt; [msgRate=300] [msgSeconds=30] [invokeRate=50] [invokeSeconds=20] [incidents=200]</summary>
    public static TeamsRunSettings Parse(string[] args)
    {
        int At(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        return new TeamsRunSettings(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4], At(5, 300), At(6, 30), At(7, 50), At(8, 20), At(9, 200));
    }
}
