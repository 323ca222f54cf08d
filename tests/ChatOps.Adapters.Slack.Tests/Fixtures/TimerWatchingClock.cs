using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>
/// A fake clock that tells the test when code under test starts waiting on it (a timer is created), so the test moves
/// time only once the wait exists: no real delays, no race between "advance" and "start waiting".
/// </summary>
internal sealed class TimerWatchingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created, once it is (fails after 15 s of real time).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _created.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
}
