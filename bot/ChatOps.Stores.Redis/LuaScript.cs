using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

/// <summary>
/// One Lua script, run by its SHA-1 (<c>EVALSHA</c>: one round trip, the script text is not resent). When the server
/// does not know it (first use, or after a restart emptied its script cache) it is sent once with <c>EVAL</c>, which
/// also caches it there.
/// </summary>
internal sealed class LuaScript(string source)
{
    /// <summary>
    /// Helpers every script may use: <c>le</c> compares two <see cref="RedisTime"/> pairs; <c>park</c> and <c>unpark</c>
    /// move an outbox channel between {p}outbox:parked and {p}outbox:heads, so it is always in exactly one of them.
    /// </summary>
    private const string Prelude = """
        local function le(a_ms, a_rem, b_ms, b_rem)
          a_ms = tonumber(a_ms); b_ms = tonumber(b_ms)
          return a_ms < b_ms or (a_ms == b_ms and tonumber(a_rem) <= tonumber(b_rem))
        end
        local function park(p, channel, until_ms)
          redis.call('ZREM', p .. 'outbox:heads', channel)
          redis.call('ZADD', p .. 'outbox:parked', until_ms, channel)
        end
        local function unpark(p, channel, oldest_id)
          redis.call('ZREM', p .. 'outbox:parked', channel)
          redis.call('ZADD', p .. 'outbox:heads', oldest_id, channel)
        end

        """;

    private readonly string _source = Prelude + source;

#pragma warning disable CA5350 // Redis names cached scripts by their SHA-1; this is an identifier, not a security use
    private readonly byte[] _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(Prelude + source));
#pragma warning restore CA5350

    public async Task<RedisResult> RunAsync(IDatabaseAsync db, params RedisValue[] args)
    {
        try
        {
            return await db.ScriptEvaluateAsync(_sha1, null, args).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await db.ScriptEvaluateAsync(_source, null, args).ConfigureAwait(false);
        }
    }
}
