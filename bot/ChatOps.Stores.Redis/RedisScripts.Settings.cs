namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// The <c>memory</c> and <c>persistence</c> sections of <c>INFO</c>. From a script because StackExchange.Redis
    /// refuses a direct <c>INFO</c> unless the connection allows admin commands, which the bot has no other use for.
    /// Reads only, so nothing reaches the append-only file.
    /// </summary>
    public static readonly LuaScript ReadSettings = new("""
        return {redis.call('INFO', 'memory'), redis.call('INFO', 'persistence')}
        """);
}
