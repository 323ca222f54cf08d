using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ChatOps.LoadDriver;

/// <summary>
/// Open-loop load: command i is scheduled at t0 + i/rate whatever the answers so far, and its latency is counted from
/// that scheduled time (no coordinated omission). Each incident runs declare, ack, notes, updates, resolve;
/// <c>lanes</c> incidents are interleaved so one incident's commands are lanes/rate seconds apart. A step leaves at its
/// time or, if the incident's previous step has not been answered yet, as soon as it is: a person sends "resolve"
/// after seeing the "ack" go through, and sent early it would only be refused as out of order. The wait counts
/// against the step's latency. The first <c>warmupSeconds</c> of the schedule run the same way but are not measured:
/// the driver's own JIT and its first connections to each replica would otherwise show up as the bot's latency.
/// </summary>
internal static class MixRun
{
    private static readonly string[] Script = ["declare", "ack", "note", "note", "update", "note", "note", "update", "note", "resolve"];

    public static async Task<int> RunAsync(string baseUrls, int rate, int seconds, int lanes, int warmupSeconds = 0)
    {
        using var client = BotClient.Parse(baseUrls);
        var warmup = rate * warmupSeconds;
        var total = rate * seconds;
        var latencies = new double[total];
        var warmupFailures = 0;
        var statuses = new ConcurrentDictionary<int, int>();
        var refusals = new ConcurrentDictionary<string, int>();
        var declared = new ConcurrentDictionary<int, Task<string?>>();
        var runId = Guid.NewGuid().ToString("N")[..8];
        var tasks = new List<Task>(total);
        var previousStep = new Dictionary<int, Task>();
        var clock = Stopwatch.StartNew();
        var t0 = clock.Elapsed.TotalMilliseconds + 200;

        for (var i = 0; i < warmup + total; i++)
        {
            var scheduled = t0 + i * 1000.0 / rate;
            var wait = scheduled - clock.Elapsed.TotalMilliseconds;
            if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait)).ConfigureAwait(false);
            var index = i;
            var (incidentNo, step) = Slot(index, lanes);
            var previous = previousStep.GetValueOrDefault(incidentNo, Task.CompletedTask);
            var sending = Task.Run(async () =>
            {
                await Task.WhenAny(previous).ConfigureAwait(false);
                var (status, error) = await SendStepAsync(client, runId, incidentNo, step, declared).ConfigureAwait(false);
                if (status != 200) refusals.AddOrUpdate(RefusalKind(step, status, error), 1, (_, n) => n + 1);
                if (index < warmup)
                {
                    if (status != 200) Interlocked.Increment(ref warmupFailures);
                    return;
                }
                latencies[index - warmup] = clock.Elapsed.TotalMilliseconds - scheduled;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            });
            previousStep[incidentNo] = sending;
            tasks.Add(sending);
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var elapsed = (clock.Elapsed.TotalMilliseconds - t0) / 1000.0 - warmupSeconds;

        Array.Sort(latencies);
        double P(double q) => Math.Round(latencies[Math.Min(total - 1, (int)(q * total))], 2);
        var ok = statuses.GetValueOrDefault(200);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            rate, seconds, lanes, warmup_seconds = warmupSeconds, warmup_failures = warmupFailures, sent = total, ok, statuses = statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
            throughput_per_s = Math.Round(ok / elapsed, 1), p50_ms = P(0.50), p90_ms = P(0.90), p99_ms = P(0.99), max_ms = Math.Round(latencies[^1], 2),
            refusals = refusals.OrderByDescending(r => r.Value).Take(5).ToDictionary(r => r.Key, r => r.Value),
        }));
        return ok == total && warmupFailures == 0 ? 0 : 1;
    }

    /// <summary>Which incident and which step of its script command <paramref name="index"/> is.</summary>
    private static (int Incident, int Step) Slot(int index, int lanes)
    {
        var round = index / lanes;
        return (index % lanes + lanes * (round / Script.Length), round % Script.Length);
    }

    /// <summary>Why a command was not answered 200, with numbers masked so alike refusals count together (warm-up included).</summary>
    private static string RefusalKind(int step, int status, string? error) =>
        $"{Script[step]} {status}: {System.Text.RegularExpressions.Regex.Replace(error ?? "", "[0-9]+", "#")}";

    private static async Task<(int Status, string? Error)> SendStepAsync(BotClient client, string runId, int incidentNo, int step, ConcurrentDictionary<int, Task<string?>> declared)
    {
        var user = $"load-{incidentNo % 50}";
        var key = $"{runId}-{incidentNo}-{step}";
        if (Script[step] == "declare")
        {
            var declaring = SendDeclareAsync(client, user, incidentNo, key);
            declared[incidentNo] = declaring.ContinueWith(t => t.Result.Incident, TaskScheduler.Default);
            var (status, _, error) = await declaring.ConfigureAwait(false);
            return (status, error);
        }
        // The declare is an earlier step of this incident, so it has been sent (and answered) by now.
        var id = await declared[incidentNo].ConfigureAwait(false);
        if (id is null) return (-1, "its declare failed");
        var text = Script[step] switch
        {
            "ack" => $"ack {id}",
            "note" => $"note {id} load note {step}",
            "update" => $"update {id} still working, step {step}",
            _ => $"resolve {id} load run finished",
        };
        var (answer, _, refusal) = await client.SendAsync(user, "load", text, key).ConfigureAwait(false);
        return (answer, refusal);
    }

    private static Task<(int Status, string? Incident, string? Error)> SendDeclareAsync(BotClient client, string user, int incidentNo, string key) =>
        client.SendAsync(user, "load", $"declare load incident {incidentNo} --sev 2 --service payments", key);
}
