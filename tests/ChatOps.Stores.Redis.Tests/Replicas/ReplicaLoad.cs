using System.Collections.Concurrent;
using System.Net;

namespace ChatOps.Stores.Redis.Tests.Replicas;

/// <summary>
/// Spreads note commands over several replicas the way a load balancer would: each worker rotates through the
/// replicas that are up, and a command whose replica vanished is sent again, same idempotency key, to another one.
/// </summary>
internal sealed class ReplicaLoad(IReadOnlyList<BotReplica> replicas, IReadOnlyList<string> incidents)
{
    private readonly ConcurrentDictionary<BotReplica, bool> _down = new();

    public ConcurrentBag<(string Incident, string Note)> Answered { get; } = [];

    public ConcurrentBag<HttpStatusCode> Refused { get; } = [];

    public int AnsweredCount => Answered.Count;

    public void MarkDown(BotReplica replica) => _down[replica] = true;

    public static async Task<string[]> DeclareAsync(IReadOnlyList<BotReplica> replicas, int count)
    {
        var declared = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (status, incident) = await replicas[i % replicas.Count].SendAsync($"incident declare Replica load {i} --sev 1", $"declare-{i}");
            Assert.Equal(HttpStatusCode.OK, status);
            declared[i] = incident!;
        }
        return declared;
    }

    /// <summary>Cancels every incident (which stops its reminders), so the outbox and the timers can drain to zero.</summary>
    public static async Task CancelAllAsync(IReadOnlyList<BotReplica> replicas, IReadOnlyList<string> incidents)
    {
        for (var i = 0; i < incidents.Count; i++)
        {
            var (status, _) = await replicas[i % replicas.Count].SendAsync($"cancel {incidents[i]} load test over", $"cancel-{incidents[i]}");
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    /// <summary>Runs <paramref name="workers"/> workers until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(int workers, string tag, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var incident = incidents[((w * 7) + n) % incidents.Count];
                var note = $"{tag}-w{w}-n{n}";
                await SendUntilSettledAsync(w + n, $"note {incident} {note}", $"{tag}-{w}-{n}", incident, note);
            }
        })));

    private async Task SendUntilSettledAsync(int turn, string text, string key, string incident, string note)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var up = replicas.Where(r => !_down.ContainsKey(r)).ToList();
            var replica = up[(turn + attempt) % up.Count];
            try
            {
                var (status, _) = await replica.SendAsync(text, key);
                if (status == HttpStatusCode.OK)
                {
                    Answered.Add((incident, note));
                    return;
                }
                Refused.Add(status);
                if (status != HttpStatusCode.ServiceUnavailable) return;
                await Task.Delay(50);
            }
            catch (HttpRequestException) when (_down.ContainsKey(replica))
            {
                // The replica was killed with this command in flight: resend it, same key, to a survivor.
            }
        }
    }
}
