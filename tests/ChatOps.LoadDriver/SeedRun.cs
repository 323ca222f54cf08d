using System.Globalization;
using System.Text.Json;

namespace ChatOps.LoadDriver;

/// <summary>Declares many open incidents (each with its pending reminder timer), then reads the bot's resident memory.</summary>
internal static class SeedRun
{
    public static async Task<int> RunAsync(string baseUrls, int count, int? pid)
    {
        using var client = BotClient.Parse(baseUrls);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var failures = 0;
        var next = 0;
        var workers = Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= count)
            {
                var (status, _, _) = await client.SendAsync("seed", "ops", $"declare seeded incident {i} --sev 1", $"{runId}-{i}").ConfigureAwait(false);
                if (status != 200) Interlocked.Increment(ref failures);
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        Console.WriteLine(JsonSerializer.Serialize(new { declared = count - failures, failures, rss_mb = pid is { } p ? ResidentMegabytes(p) : (double?)null }));
        return failures == 0 ? 0 : 1;
    }

    private static double? ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        if (line is null) return null;
        var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return Math.Round(kb / 1024, 1);
    }
}
