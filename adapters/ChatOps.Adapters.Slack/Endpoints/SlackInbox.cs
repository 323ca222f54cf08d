using System.Collections.Frozen;
using System.Security.Cryptography;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>
/// Records verified work durably before the acknowledgement (Slack never resends a slash command), deduplicated by
/// Slack's own ids (<c>event_id</c>, <c>trigger_id</c>) or a hash of the body, and wakes the inbound pump.
/// </summary>
internal sealed class SlackInbox(IInboundQueue queue, TimeProvider clock, IOptions<SlackOptions> options, IInboundWakeup wakeup)
{
    private readonly FrozenSet<string> _allowedTeams = options.Value.AllowedTeamIds.ToFrozenSet(StringComparer.Ordinal);

    public bool IsAllowedTeam(string? teamId) => teamId is not null && _allowedTeams.Contains(teamId);

    public async Task<bool> RecordAsync(string dedupeKey, SlackWork work, CancellationToken ct)
    {
        var recorded = await queue.EnqueueAsync(SlackMessageSender.Surface, dedupeKey, work.Serialize(), clock.GetUtcNow(), ct).ConfigureAwait(false);
        if (recorded) wakeup.Raise();
        return recorded;
    }

    public static string Key(string kind, string? slackId, byte[] body) =>
        $"{kind}:{slackId ?? Convert.ToHexStringLower(SHA256.HashData(body))}";
}

/// <summary>Without a host pump to wake (tests, tools), recording is enough: whoever claims the queue finds the item.</summary>
internal sealed class NoInboundWakeup : IInboundWakeup
{
    public void Raise()
    {
    }
}
