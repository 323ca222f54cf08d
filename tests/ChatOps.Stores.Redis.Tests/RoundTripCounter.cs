using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>
/// Counts the commands a store sends to Redis (StackExchange.Redis profiling). Each store call awaits its single
/// command before the caller goes on, so commands counted here are round trips.
/// </summary>
internal sealed class RoundTripCounter
{
    private ProfilingSession? _session;

    public RoundTripCounter(IConnectionMultiplexer connection) => connection.RegisterProfiler(() => _session);

    public async Task<IReadOnlyList<string>> MeasureAsync(Func<Task> work)
    {
        _session = new ProfilingSession();
        await work();
        var commands = _session.FinishProfiling().Select(c => c.Command).ToList();
        _session = null;
        return commands;
    }
}
