using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

/// <summary>Platform ids of neutral channels and messages; a later bind of the same name replaces the earlier one.</summary>
public sealed partial class SqliteStore
{
    public Task BindChannelAsync(string surface, string channel, string platformChannel, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            """
            INSERT INTO directory_channels(surface, channel, platform_channel) VALUES(@surface, @channel, @platform)
            ON CONFLICT(surface, channel) DO UPDATE SET platform_channel = excluded.platform_channel
            """,
            ("@surface", surface), ("@channel", channel), ("@platform", platformChannel)), ct);

    public Task<string?> FindPlatformChannelAsync(string surface, string channel, CancellationToken ct) =>
        OnReaderAsync(c => c.Scalar(
            "SELECT platform_channel FROM directory_channels WHERE surface = @surface AND channel = @channel",
            ("@surface", surface), ("@channel", channel)) as string, ct);

    public Task<string?> FindChannelAsync(string surface, string platformChannel, CancellationToken ct) =>
        OnReaderAsync(c => c.Scalar(
            "SELECT channel FROM directory_channels WHERE surface = @surface AND platform_channel = @platform ORDER BY channel LIMIT 1",
            ("@surface", surface), ("@platform", platformChannel)) as string, ct);

    public Task BindMessageAsync(string surface, string messageKey, string platformMessage, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            """
            INSERT INTO directory_messages(surface, message_key, platform_message) VALUES(@surface, @key, @platform)
            ON CONFLICT(surface, message_key) DO UPDATE SET platform_message = excluded.platform_message
            """,
            ("@surface", surface), ("@key", messageKey), ("@platform", platformMessage)), ct);

    public Task<string?> FindPlatformMessageAsync(string surface, string messageKey, CancellationToken ct) =>
        OnReaderAsync(c => c.Scalar(
            "SELECT platform_message FROM directory_messages WHERE surface = @surface AND message_key = @key",
            ("@surface", surface), ("@key", messageKey)) as string, ct);
}
