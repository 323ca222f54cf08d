namespace ChatOps.Stores.Redis;

/// <summary>
/// Times as Lua sees them. Lua numbers are doubles, exact only up to 2^53, and UTC ticks are larger than that, so a
/// time travels as whole milliseconds since the Unix epoch (exact, and a sorted-set score) plus the ticks within that
/// millisecond; scripts compare the pair. The exact ticks are kept as a string wherever a time is read back.
/// </summary>
internal readonly record struct RedisTime(long Ms, long Rem)
{
    public static RedisTime From(DateTimeOffset time)
    {
        var sinceEpoch = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new RedisTime(Math.DivRem(sinceEpoch, TimeSpan.TicksPerMillisecond, out var rem) - (rem < 0 ? 1 : 0), rem < 0 ? rem + TimeSpan.TicksPerMillisecond : rem);
    }

    public static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset FromTicks(string ticks) => new(long.Parse(ticks, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
}
