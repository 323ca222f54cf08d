using System.Collections.Concurrent;
using System.Text.Json;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// Slack user ids to actors with display names (<c>users.info</c>, cached for an hour). The id stays the actor's id,
/// so a commander assigned by mention is the same person when they click a button. A name is a nicety: a command
/// waits at most <see cref="SlackOptions.UserLookupTimeout"/> for it, then runs under the name Slack sent (or the id)
/// while the lookup finishes in the background and fills the cache for the next command.
/// </summary>
internal sealed partial class SlackUsers(SlackWebApi api, TimeProvider clock, IOptions<SlackOptions> options, ILogger<SlackUsers> logger) : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);
    /// <summary>A user Slack says it cannot show (<c>user_not_found</c>...) is not asked about again for a while.</summary>
    private static readonly TimeSpan FailureTtl = TimeSpan.FromMinutes(5);
    /// <summary>Null name: Slack refused the lookup; the request's own name (or the id) is used.</summary>
    private readonly ConcurrentDictionary<string, (string? Name, DateTimeOffset Until)> _names = new(StringComparer.Ordinal);
    /// <summary>One lookup per user at a time, however many commands wait for it.</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _lookups = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public async Task<Actor> ActorAsync(string userId, string? fallbackName, CancellationToken ct)
    {
        if (_names.TryGetValue(userId, out var cached) && cached.Until > clock.GetUtcNow()) return new Actor(userId, cached.Name ?? fallbackName ?? userId);
        var lookup = _lookups.GetOrAdd(userId, id => new Lazy<Task<string?>>(() => LookupAsync(id))).Value;
        try
        {
            var name = await lookup.WaitAsync(options.Value.UserLookupTimeout, clock, ct).ConfigureAwait(false);
            return new Actor(userId, name ?? fallbackName ?? userId);
        }
        catch (TimeoutException)
        {
            // Nothing is cached: the lookup still running fills the cache with the real name when Slack answers.
            LogSlowLookup(userId, options.Value.UserLookupTimeout);
            return new Actor(userId, fallbackName ?? userId);
        }
    }

    private async Task<string?> LookupAsync(string userId)
    {
        try
        {
            var user = await api.UserInfoAsync(userId, _stopping.Token).ConfigureAwait(false);
            var name = DisplayName(user);
            _names[userId] = (name, clock.GetUtcNow() + (name is null ? FailureTtl : Ttl));
            return name;
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
            _names[userId] = (null, clock.GetUtcNow() + FailureTtl);
            return null;
        }
        catch (Exception ex) when (ex is SlackApiException or OperationCanceledException or ObjectDisposedException)
        {
            // Slack unreachable or the bot stopping: no name this time, and none remembered; the next command asks again.
            return null;
        }
        finally
        {
            _lookups.TryRemove(userId, out _);
        }
    }

    private static string? DisplayName(JsonElement user)
    {
        var profile = user.Obj("profile");
        return NonEmpty(profile.Str("display_name")) ?? NonEmpty(profile.Str("real_name")) ?? NonEmpty(user.Str("real_name")) ?? NonEmpty(user.Str("name"));
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 4302, Level = LogLevel.Debug, Message = "users.info for {UserId} took longer than {Timeout}; the command runs under the id")]
    private partial void LogSlowLookup(string userId, TimeSpan timeout);
}
