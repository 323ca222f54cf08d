namespace ChatOps.Stores.Redis;

/// <summary>
/// The key layout, written once here and mirrored in the Lua scripts (which build the same names from the prefix):
/// <list type="bullet">
/// <item><c>{p}incident:{n}</c> hash (version, json, channel, service, open); <c>{p}incidents</c> and <c>{p}open</c> sorted sets of numbers</item>
/// <item><c>{p}channel:{name}</c> the incident number of an incident channel; <c>{p}timeline:{n}</c> list of events (sequence = position)</item>
/// <item><c>{p}result:{key}</c> a committed command's result; <c>{p}claim:{key}</c> an adapter's claim, expiring</item>
/// <item><c>{p}outbox</c> sorted set of pending ids, <c>{p}outbox:{id}</c> hash, <c>{p}outbox:ch:{channel}</c> a channel's pending ids,
/// <c>{p}outbox:heads</c> channels that may give a message, scored by their oldest pending id, <c>{p}outbox:parked</c> the others, scored by
/// the ms at which they may give one again; <c>{p}timers</c> sorted set by due ms, <c>{p}timer:{key}</c> hash</item>
/// <item><c>{p}tmsg:{key}</c> transcript message hash; <c>{p}transcript</c>, <c>{p}transcript:ch:{channel}</c> sorted by sequence</item>
/// <item><c>{p}inbound</c> sorted set of pending inbound ids, <c>{p}inbound:{id}</c> hash, <c>{p}inbound:key:{surface}:{key}</c> dedupe marks</item>
/// <item><c>{p}dir:ch:{surface}</c>, <c>{p}dir:msg:{surface}</c> hashes and <c>{p}dir:pch:{surface}:{platform channel}</c> the reverse index</item>
/// <item><c>{p}rate:{key}</c> sorted set of the operations a rate gate took, scored by ms, expiring</item>
/// <item><c>{p}seq:*</c> counters; <c>{p}events</c> the pub/sub channel that wakes other replicas</item>
/// </list>
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string IncidentCounter => Prefix + "seq:incident";

    public string Incident(long number) => Prefix + "incident:" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Channel(string channel) => Prefix + "channel:" + channel;

    public string Timeline(long number) => Prefix + "timeline:" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Result(string idempotencyKey) => Prefix + "result:" + idempotencyKey;

    public string Outbox => Prefix + "outbox";

    public string Timers => Prefix + "timers";

    public string TranscriptChannels => Prefix + "transcript:channels";

    public string Events => Prefix + "events";
}
