namespace ChatOps.Stores.Sqlite;

/// <summary>Times are stored as UTC ticks: exact round trips and correct ordering in SQL.</summary>
internal static class StoredTime
{
    public static long ToTicks(this DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
