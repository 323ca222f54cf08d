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
/// waits at most <see cref="SlackOptions.UserLookupTimeout"/> for it, counted from the start of the lookup (so commands
/// queued behind a slow lookup do not each wait again), then runs under the name Slack sent (or the id) while the lookup
/// finishes in the background and fills the cache for the next command.
/// </summary>
internal sealed partial class SlackUsers(SlackWebApi api, TimeProvider clock, IOptions<SlackOptions> options, ILogger<SlackUsers> logger) : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);
    /// <summary>A user Slack cannot show (<c>user_not_found</c>, or no answer after every retry) is not asked about again for a while.</summary>
    private static readonly TimeSpan FailureTtl = TimeSpan.FromMinutes(5);
    /// <summary>Null name: Slack refused the lookup; the request's own name (or the id) is used.</summary>
    private readonly ConcurrentDictionary<string, (string? Name, DateTimeOffset Until)> _names = new(StringComparer.Ordinal);
    /// <summary>One lookup per user at a time, however many commands wait for it.</summary>
    private readonly ConcurrentDictionary<string, Lazy<Lookup>> _lookups = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public async Task<Actor> ActorAsync(string userId, string? fallbackName, CancellationToken ct)
    {
        if (_names.TryGetValue(userId, out var cached) && cached.Until > clock.GetUtcNow()) return new Actor(userId, cached.Name ?? fallbackName ?? userId);
        var lookup = _lookups.GetOrAdd(userId, id => new Lazy<Lookup>(() => new Lookup(LookupAsync(id), clock.GetUtcNow()))).Value;
        var remaining = lookup.StartedAt + options.Value.UserLookupTimeout - clock.GetUtcNow();
        try
        {
            // Zero left: a finished lookup still gives its name, an unfinished one times out at once.
            var name = await lookup.Name.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, clock, ct).ConfigureAwait(false);
            return new Actor(userId, name ?? fallbackName ?? userId);
        }
        catch (TimeoutException)
        {
            // Nothing is cached: the lookup still running fills the cache with the real name when Slack answers.
            LogSlowLookup(userId, options.Value.UserLookupTimeout);
            return new Actor(userId, fallbackName ?? userId);
        }
    }

    /// <summary>Completes when the lookup for <paramref name="userId"/> now in flight (if any) has finished and filled the cache.</summary>
    internal Task WhenLookedUpAsync(string userId) =>
        _lookups.TryGetValue(userId, out var lookup) ? lookup.Value.Name : Task.CompletedTask;

    private sealed record Lookup(Task<string?> Name, DateTimeOffset StartedAt);

    private async Task<string?> LookupAsync(string userId)
    {
        try
        {
            var user = await api.UserInfoAsync(userId, _stopping.Token).ConfigureAwait(false);
            var name = DisplayName(user);
            _names[userId] = (name, clock.GetUtcNow() + (name is null ? FailureTtl : Ttl));
            return name;
        }
        catch (Exception ex) when (ex is SlackApiException or KeyNotFoundException or InvalidOperationException)
        {
            // Slack refused, never answered after every retry, or answered without a user object.
            // Only the failure is remembered, never a fallback name: commands meanwhile use the name their request carries.
            _names[userId] = (null, clock.GetUtcNow() + FailureTtl);
            return null;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return null; // the bot is stopping
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
