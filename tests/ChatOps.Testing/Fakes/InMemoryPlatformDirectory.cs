using System.Collections.Concurrent;
using ChatOps.Core.Ports;

namespace ChatOps.Testing.Fakes;

/// <summary>A hand-written <see cref="IPlatformDirectory"/> for adapter tests; a later bind of the same name replaces the earlier one.</summary>
public sealed class InMemoryPlatformDirectory : IPlatformDirectory
{
    private readonly ConcurrentDictionary<(string Surface, string Channel), string> _channels = new();
    private readonly ConcurrentDictionary<(string Surface, string Key), string> _messages = new();

    public IReadOnlyDictionary<(string Surface, string Channel), string> Channels => _channels;

    public IReadOnlyDictionary<(string Surface, string Key), string> Messages => _messages;

    public Task BindChannelAsync(string surface, string channel, string platformChannel, CancellationToken ct)
    {
        _channels[(surface, channel)] = platformChannel;
        return Task.CompletedTask;
    }

    public Task<string?> FindPlatformChannelAsync(string surface, string channel, CancellationToken ct) =>
        Task.FromResult(_channels.TryGetValue((surface, channel), out var value) ? value : null);

    public Task<string?> FindChannelAsync(string surface, string platformChannel, CancellationToken ct) =>
        Task.FromResult(_channels.Where(kv => kv.Key.Surface == surface && kv.Value == platformChannel).Select(kv => kv.Key.Channel).FirstOrDefault());

    public Task BindMessageAsync(string surface, string messageKey, string platformMessage, CancellationToken ct)
    {
        _messages[(surface, messageKey)] = platformMessage;
        return Task.CompletedTask;
    }

    public Task<string?> FindPlatformMessageAsync(string surface, string messageKey, CancellationToken ct) =>
        Task.FromResult(_messages.TryGetValue((surface, messageKey), out var value) ? value : null);
}
