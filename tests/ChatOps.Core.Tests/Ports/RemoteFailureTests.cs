using ChatOps.Core.Ports;

namespace ChatOps.Core.Tests.Ports;

public sealed class RemoteFailureTests
{
    private sealed class PlatformRefused() : RemoteServiceException("channel_not_found", null);

    [Fact]
    public void RefusalsOutagesAndTimeouts_AreRoutine()
    {
        Assert.True(RemoteFailure.IsRoutine(new PlatformRefused()));
        Assert.True(RemoteFailure.IsRoutine(new HttpRequestException("Connection refused")));
        Assert.True(RemoteFailure.IsRoutine(new TaskCanceledException("timed out", new TimeoutException())));
        Assert.True(RemoteFailure.IsRoutine(new StoreUnavailableException()));
    }

    [Fact]
    public void Bugs_AndCancellationsWithoutATimeout_AreNotRoutine()
    {
        Assert.False(RemoteFailure.IsRoutine(new InvalidOperationException("a bug")));
        Assert.False(RemoteFailure.IsRoutine(new FormatException("unreadable card")));
        Assert.False(RemoteFailure.IsRoutine(new TaskCanceledException("stopping")));
    }
}
