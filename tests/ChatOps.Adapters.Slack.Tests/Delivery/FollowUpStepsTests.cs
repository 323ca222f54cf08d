using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Testing.Fakes;

namespace ChatOps.Adapters.Slack.Tests.Delivery;

public sealed class FollowUpStepsTests
{
    private readonly InMemoryPlatformDirectory _directory = new();

    [Fact]
    public async Task DoneStep_IsNotRunAgain_ByThisProcessOrTheNext()
    {
        var runs = 0;
        await new FollowUpSteps(_directory).OnceAsync("pin:C1:1.2", () => { runs++; return Task.CompletedTask; }, default);

        var restarted = new FollowUpSteps(_directory); // a new process: nothing in memory, the mark in the directory
        await restarted.OnceAsync("pin:C1:1.2", () => { runs++; return Task.CompletedTask; }, default);
        await restarted.OnceAsync("pin:C1:1.2", () => { runs++; return Task.CompletedTask; }, default);

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task FailedStep_IsNotMarked_SoItRunsAgain()
    {
        var steps = new FollowUpSteps(_directory);
        var runs = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => steps.OnceAsync("invite:C1", () => { runs++; throw new InvalidOperationException("Slack down"); }, default));
        await steps.OnceAsync("invite:C1", () => { runs++; return Task.CompletedTask; }, default);
        await steps.OnceAsync("invite:C1", () => { runs++; return Task.CompletedTask; }, default);

        Assert.Equal(2, runs);
    }
}
