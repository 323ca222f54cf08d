using System.Collections.Concurrent;
using System.Text.Json;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// Slack user ids to actors with display names (<c>users.info</c>, cached for an hour). The id stays the actor's id,
/// so a commander assigned by mention is the same person when they click a button.
/// </summary>
internal sealed class SlackUsers(SlackWebApi api, TimeProvider clock)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);
    /// <summary>After a failed lookup the fallback name is kept a while, so an outage does not slow every command.</summary>
    private static readonly TimeSpan FailureTtl = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset Until)> _names = new(StringComparer.Ordinal);

    public async Task<Actor> ActorAsync(string userId, string? fallbackName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_names.TryGetValue(userId, out var cached) && cached.Until > now) return new Actor(userId, cached.Name);
        try
        {
            var user = await api.UserInfoAsync(userId, ct).ConfigureAwait(false);
            var name = DisplayName(user) ?? fallbackName ?? userId;
            _names[userId] = (name, now + Ttl);
            return new Actor(userId, name);
        }
        catch (SlackApiException)
        {
            // A name is a nicety; the command still runs under the id and the name Slack sent with the request.
            var name = fallbackName ?? userId;
            _names[userId] = (name, now + FailureTtl);
            return new Actor(userId, name);
        }
    }

    private static string? DisplayName(JsonElement user)
    {
        var profile = user.Obj("profile");
        return NonEmpty(profile.Str("display_name")) ?? NonEmpty(profile.Str("real_name")) ?? NonEmpty(user.Str("real_name")) ?? NonEmpty(user.Str("name"));
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
