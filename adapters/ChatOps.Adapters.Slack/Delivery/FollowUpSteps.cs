using System.Collections.Concurrent;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>
/// The calls that follow a post or a channel creation (pin the status message, invite, bookmark). Each is marked done
/// in the platform directory once it succeeded, so a step that failed, or that the bot stopped before, runs again with
/// the outbox's retry of the same message, and a step that is done is never repeated: the post or the channel it
/// follows is bound first and is not made again. Done marks are kept in memory too (they are never undone), so a step
/// costs a directory read only the first time this process meets it.
/// </summary>
internal sealed class FollowUpSteps(IPlatformDirectory directory)
{
    private const string Done = "done";
    private readonly ConcurrentDictionary<string, bool> _done = new(StringComparer.Ordinal);

    public async Task OnceAsync(string step, Func<Task> run, CancellationToken ct)
    {
        if (_done.ContainsKey(step)) return;
        var marker = "step:" + step;
        if (await directory.FindPlatformMessageAsync(SlackMessageSender.Surface, marker, ct).ConfigureAwait(false) is null)
        {
            await run().ConfigureAwait(false);
            await directory.BindMessageAsync(SlackMessageSender.Surface, marker, Done, ct).ConfigureAwait(false);
        }
        _done.TryAdd(step, true);
    }
}
