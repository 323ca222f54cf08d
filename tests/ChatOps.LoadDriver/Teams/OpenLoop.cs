using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ChatOps.LoadDriver.Teams;

/// <summary>
/// Open-loop load: request i leaves at t0 + i/rate whatever the answers so far, and its latency is counted from that
/// scheduled time (no coordinated omission). Bounded: exactly rate x seconds requests, each with the client's timeout.
/// </summary>
internal static class OpenLoop
{
    public static async Task<OpenLoopReport> RunAsync(int rate, int seconds, Func<int, Task<string>> send)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var t0 = clock.Elapsed.TotalMilliseconds + 200;
        for (var i = 0; i < total; i++)
        {
            var scheduled = t0 + i * 1000.0 / rate;
            var wait = scheduled - clock.Elapsed.TotalMilliseconds;
            if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait)).ConfigureAwait(false);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                string outcome;
                try
                {
                    outcome = await send(index).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    outcome = ex.GetType().Name;
                }
                latencies[index] = clock.Elapsed.TotalMilliseconds - scheduled;
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }));
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
        Array.Sort(latencies);
        return new OpenLoopReport(rate, seconds, total, outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal),
            P(latencies, 0.50), P(latencies, 0.90), P(latencies, 0.99), Math.Round(latencies[^1], 2));
    }

    private static double P(double[] sorted, double q) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))], 2);
}

internal sealed record OpenLoopReport(int Rate, int Seconds, int Sent, Dictionary<string, int> Outcomes, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rate}/s for {Seconds} s ({Sent} sent): p50 {P50Ms} ms, p90 {P90Ms} ms, p99 {P99Ms} ms, max {MaxMs} ms; outcomes {string.Join(", ", Outcomes.Select(o => $"{o.Key}={o.Value}"))}");
}
