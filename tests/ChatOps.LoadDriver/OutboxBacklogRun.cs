using System.Diagnostics;
using System.Globalization;
using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Stores.Sqlite;

namespace ChatOps.LoadDriver;

/// <summary>
/// The SQLite outbox claim behind a backlog, as a Slack outage leaves it. <c>fill</c> queues replies spread over
/// <c>stuck</c> reply channels, none due for five minutes (each channel's first waits for its retry). <c>claim</c>
/// times the pump's claim on that file, which finds nothing to take: each claim holds the store's single writer, which
/// every acknowledgement needs, so its time is the cost. Prints one JSON line: p50/p99/max in ms.
/// </summary>
internal static class OutboxBacklogRun
{
    public static async Task<int> FillAsync(string path, int queued, int stuck)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var store = SqliteStoreFactory.Open(new SqliteStoreOptions { Path = path }, TimeProvider.System);
        IOutboxStore outbox = store;
        for (var start = 0; start < queued; start += 1000)
        {
            var chunk = Enumerable.Range(start, Math.Min(1000, queued - start))
                .Select(i => new QueuedReply("slack", "C0OPS", $"U{i % stuck}", "http://127.0.0.1:9/", $$"""{"text":"reply {{i}}"}""", now.AddMinutes(30)))
                .ToList();
            await outbox.EnqueueRepliesAsync(chunk, now, now.AddMinutes(5), CancellationToken.None);
        }
        Console.WriteLine($$"""{"queued":{{await outbox.CountPendingAsync(CancellationToken.None)}},"stuck":{{stuck}}}""");
        return 0;
    }

    public static async Task<int> ClaimAsync(string path, int claims)
    {
        using var store = SqliteStoreFactory.Open(new SqliteStoreOptions { Path = path }, TimeProvider.System);
        IOutboxStore outbox = store;
        var times = new List<double>(claims);
        var returned = 0;
        for (var i = 0; i < claims; i++)
        {
            var watch = Stopwatch.StartNew();
            returned += (await outbox.ClaimAsync(TimeProvider.System.GetUtcNow(), "bench", TimeSpan.FromSeconds(30), 50, CancellationToken.None)).Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        string Ms(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))].ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($$"""{"claims":{{claims}},"returned":{{returned}},"p50_ms":{{Ms(0.5)}},"p99_ms":{{Ms(0.99)}},"max_ms":{{Ms(1)}}}""");
        return 0;
    }
}
