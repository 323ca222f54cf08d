namespace ChatOps.Stores.Redis.Tests.Replicas;

/// <summary>What must hold for every incident after a load, whichever replica wrote what.</summary>
internal static class ReplicaChecks
{
    /// <summary>
    /// One ordered history per incident: sequences 1..N without gaps, every answered note exactly once, no note twice,
    /// and reminders at least one cadence apart (a reminder that fired twice would sit closer).
    /// </summary>
    public static async Task TimelinesAreCompleteOrderedAndUniqueAsync(BotReplica reader, IReadOnlyList<string> incidents, IEnumerable<(string Incident, string Note)> answered)
    {
        var answeredByIncident = answered.ToLookup(a => a.Incident, a => a.Note);
        var reminders = 0;
        foreach (var incident in incidents)
        {
            var timeline = await reader.TimelineAsync(incident);
            Assert.Equal(Enumerable.Range(1, timeline.Count).Select(s => (long)s), timeline.Select(e => e.Sequence));
            var notes = timeline.Where(e => e.Kind == "note").Select(e => e.Text).ToList();
            Assert.Equal(notes.Count, notes.Distinct().Count());
            Assert.Empty(answeredByIncident[incident].Except(notes));
            var reminderTimes = timeline.Where(e => e.Kind == "reminder").Select(e => e.At).ToList();
            reminders += reminderTimes.Count;
            Assert.All(reminderTimes.Zip(reminderTimes.Skip(1)), pair =>
                Assert.True(pair.Second - pair.First >= BotReplica.ReminderCadence - TimeSpan.FromMilliseconds(1), $"{incident}: reminders at {pair.First:O} and {pair.Second:O}"));
        }
        Assert.True(reminders > 0, "no reminder fired during the load");
    }

    /// <summary>
    /// Polls a condition of a real multi-process run (wall clock by nature), failing after two minutes with
    /// <paramref name="failure"/>'s text, read at that moment.
    /// </summary>
    public static async Task WaitForAsync(Func<bool> condition, Func<string>? failure = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), failure?.Invoke() ?? "the load did not get there within two minutes");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits (real time: real processes) until the shared outbox is empty.</summary>
    public static async Task OutboxDrainsAsync(BotReplica replica, TimeSpan within)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pending = await replica.PendingAsync();
        while (pending.Messages > 0 && waited.Elapsed < within)
        {
            await Task.Delay(100);
            pending = await replica.PendingAsync();
        }
        Assert.Equal(0, pending.Messages);
    }
}
