using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>
/// Counts what a store sends to Redis (StackExchange.Redis profiling): the commands, and the round trips. Commands
/// sent before the answer to an earlier one arrived (pipelined) share its round trip; a command sent after every
/// earlier answer had arrived starts a new one.
/// </summary>
internal sealed class RoundTripCounter
{
    private ProfilingSession? _session;

    public RoundTripCounter(IConnectionMultiplexer connection) => connection.RegisterProfiler(() => _session);

    public async Task<Measured> MeasureAsync(Func<Task> work)
    {
        _session = new ProfilingSession();
        await work();
        var profiled = _session.FinishProfiling().OrderBy(c => c.CommandCreated).ToList();
        _session = null;
        var roundTrips = 0;
        var answeredBy = DateTime.MinValue;
        foreach (var command in profiled)
        {
            var answered = command.CommandCreated + command.CreationToEnqueued + command.EnqueuedToSending + command.SentToResponse;
            if (command.CommandCreated >= answeredBy) roundTrips++;
            if (answered > answeredBy) answeredBy = answered;
        }
        return new Measured([.. profiled.Select(c => c.Command)], roundTrips);
    }

    public sealed record Measured(IReadOnlyList<string> Commands, int RoundTrips);
}
