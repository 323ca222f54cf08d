using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatOps.Bot.Tests.Crash;

/// <summary>
/// Kills the real bot process with SIGKILL in the middle of a load and restarts it on the same SQLite file:
/// every command that was answered must still be there, once.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chatops-crash-").FullName;

    [Fact]
    public async Task KillDuringLoad_EveryAnsweredCommandSurvivesTheRestart_AndNothingIsDoubled()
    {
        var db = Path.Combine(_dir, "chatops.db");
        var answered = new ConcurrentBag<(string Key, string Incident, string Note)>();
        string[] incidents;

        await using (var bot = await BotProcess.StartAsync(db))
        {
            using var http = new HttpClient { BaseAddress = bot.BaseUrl };
            incidents = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => DeclareAsync(http, $"crash test {i}")));

            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var incident = incidents[(worker + n) % incidents.Length];
                    var note = $"w{worker}-n{n}";
                    var key = $"crash-{note}";
                    try
                    {
                        var (status, _) = await SendAsync(http, $"note {incident} {note}", key);
                        if (status == HttpStatusCode.OK) answered.Add((key, incident, note));
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone: unanswered commands may or may not have been saved
                    }
                }
            }));
            var loadTasks = load.ToArray();
            while (answered.Count < 200) await Task.Delay(5);
            await bot.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(loadTasks);
        }

        Assert.True(answered.Count >= 200);
        await using var restarted = await BotProcess.StartAsync(db);
        using var client = new HttpClient { BaseAddress = restarted.BaseUrl };
        foreach (var incident in incidents)
        {
            var notes = await NotesAsync(client, incident);
            foreach (var a in answered.Where(a => a.Incident == incident))
                Assert.Equal(1, notes.Count(n => n.EndsWith(a.Note, StringComparison.Ordinal)));
        }

        // A redelivery of an answered command after the restart is recognised and changes nothing.
        var (first, firstIncident) = answered.First() is var f ? (f.Key, f.Incident) : default;
        var (again, _) = await SendAsync(client, $"note {firstIncident} {answered.First().Note}", first);
        Assert.Equal(HttpStatusCode.OK, again);
        var after = await NotesAsync(client, firstIncident);
        Assert.Equal(1, after.Count(n => n.EndsWith(answered.First().Note, StringComparison.Ordinal)));
    }

    private static async Task<string> DeclareAsync(HttpClient http, string title)
    {
        using var response = await PostAsync(http, $"declare {title} --sev 2", Guid.NewGuid().ToString());
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("incident").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, string text, string key)
    {
        using var response = await PostAsync(http, text, key);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string text, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/commands")
        {
            Content = JsonContent.Create(new { user = new { id = "u1", name = "crash" }, channel = new { id = "ops", name = "ops" }, text }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    private static async Task<List<string>> NotesAsync(HttpClient http, string incident)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"api/incidents/{incident}/timeline"));
        var entries = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("entries");
        return entries.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "note").Select(e => e.GetProperty("text").GetString()!).ToList();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
