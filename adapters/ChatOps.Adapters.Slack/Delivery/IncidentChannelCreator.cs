using System.Collections.Concurrent;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Cards.Views;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>
/// Creates an incident's Slack channel on its first message: <c>conversations.create</c> (public or private), bind the
/// neutral name to the id, invite the declarer, role holders and configured responders, bookmark the status page and
/// the post-mortem draft. One creation per name at a time, so a burst of first messages makes one channel. The
/// invite and the bookmarks are follow-up steps: one that failed for a while (or that a crash cut off) is made when
/// the outbox retries the message, and none is made twice.
/// </summary>
internal sealed class IncidentChannelCreator(SlackWebApi api, IPlatformDirectory directory, FollowUpSteps steps, IOptions<SlackOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _creating = new(StringComparer.Ordinal);
    private readonly SlackOptions _options = options.Value;

    public async Task<string> EnsureAsync(string channel, CardView card, Incident? snapshot, CancellationToken ct)
    {
        var gate = _creating.GetOrAdd(channel, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var id = await directory.FindPlatformChannelAsync(SlackMessageSender.Surface, channel, ct).ConfigureAwait(false)
                ?? await CreateAsync(channel, snapshot, ct).ConfigureAwait(false);
            await steps.OnceAsync($"channel-set-up:{id}", () => SetUpAsync(id, card.IncidentId, snapshot, ct), ct).ConfigureAwait(false);
            return id;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> CreateAsync(string channel, Incident? snapshot, CancellationToken ct)
    {
        // The snapshot was frozen into the outbox message with the declare: a restart in between keeps the choice.
        var isPrivate = _options.PrivateIncidentChannels || snapshot?.PrivateChannel == true;
        var id = await api.CreateChannelAsync(SlackChannels.Name(channel), isPrivate, ct).ConfigureAwait(false);
        await directory.BindChannelAsync(SlackMessageSender.Surface, channel, id, ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// The channel exists from here on: a refused invite or bookmark (a scope the app lacks) must not hold up the card,
    /// but one that failed for a while (Slack down, a crash) is made when the outbox retries.
    /// </summary>
    private async Task SetUpAsync(string channelId, string incident, Incident? snapshot, CancellationToken ct)
    {
        await steps.OnceAsync($"invite:{channelId}", () => Optional(api.InviteAsync(channelId, Invitees(snapshot), ct)), ct).ConfigureAwait(false);
        if (_options.PublicBaseUrl is not { } root) return;
        await steps.OnceAsync($"bookmark-status:{channelId}",
            () => Optional(api.BookmarkAsync(channelId, $"{incident} status page", new Uri(root, $"status/{incident}"), ct)), ct).ConfigureAwait(false);
        await steps.OnceAsync($"bookmark-postmortem:{channelId}",
            () => Optional(api.BookmarkAsync(channelId, $"{incident} post-mortem draft", new Uri(root, $"postmortem.html#{incident}"), ct)), ct).ConfigureAwait(false);
    }

    private static async Task Optional(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
        }
    }

    /// <summary>Slack users only: actors from other surfaces (console names) have no Slack id to invite.</summary>
    private List<string> Invitees(Incident? snapshot)
    {
        var people = new List<string>(_options.Responders);
        if (snapshot is not null)
        {
            people.Add(snapshot.DeclaredBy.Id);
            people.AddRange(snapshot.Roles.Values.Select(a => a.Id));
        }
        return [.. people.Where(SlackMentions.IsUserId).Where(id => id != _options.BotUserId).Distinct(StringComparer.Ordinal)];
    }
}
