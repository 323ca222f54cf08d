using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    /// <summary>
    /// Settings of this Redis that can lose what the bot has already answered for, each in words an operator can act
    /// on; empty when none is found. Read from <c>INFO</c>, which managed Redis services allow where <c>CONFIG</c> is
    /// disabled; a server that refuses it too fails with its <see cref="RedisServerException"/>. <c>appendfsync</c> is not in <c>INFO</c>, so it is not checked; the README says which value to use.
    /// </summary>
    public Task<IReadOnlyList<string>> FindDurabilityRisksAsync(CancellationToken ct) =>
        Guard<IReadOnlyList<string>>(async () =>
        {
            var sections = (RedisResult[])(await RedisScripts.ReadSettings.RunAsync(_db).ConfigureAwait(false))!;
            var memory = InfoFields((string?)sections[0]);
            var persistence = InfoFields((string?)sections[1]);
            var risks = new List<string>();
            if (memory.TryGetValue("maxmemory_policy", out var policy) && policy != "noeviction")
            {
                risks.Add($"maxmemory-policy is {policy}: a full Redis evicts keys, so incidents, dedupe keys and leases can vanish. Set maxmemory-policy noeviction.");
            }
            if (persistence.TryGetValue("aof_enabled", out var aof) && aof != "1")
            {
                risks.Add("appendonly is off: a crash of Redis loses answered commands. Set appendonly yes with appendfsync always.");
            }
            return risks;
        }, ct);

    /// <summary>The <c>name:value</c> lines of an <c>INFO</c> section (headers start with <c>#</c>).</summary>
    private static Dictionary<string, string> InfoFields(string? info)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (info ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line[0] != '#' && colon > 0) fields[line[..colon]] = line[(colon + 1)..];
        }
        return fields;
    }
}
