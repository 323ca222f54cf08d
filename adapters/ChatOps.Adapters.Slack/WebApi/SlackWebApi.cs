using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.WebApi;

/// <summary>The Web API methods the bot uses (PROTOCOLS.md A7), typed; arguments are the method's documented names.</summary>
internal sealed partial class SlackWebApi(SlackApiClient client, SlackRateGate gate, IOptions<SlackOptions> options)
{
    /// <summary>
    /// Posts to a channel, one post per channel at a time and about one a second; joins a public channel the bot is not
    /// in. Never repeated here after a failure (Slack has no idempotency key for posts): see <see cref="FindPostAsync"/>.
    /// </summary>
    public async Task<string> PostMessageAsync(string channel, string text, JsonArray? blocks, CancellationToken ct)
    {
        using var _ = await gate.EnterChannelAsync(channel, options.Value.MinPostInterval, ct).ConfigureAwait(false);
        var args = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false };
        if (blocks is not null) args["blocks"] = blocks.DeepClone();
        var body = await InChannelAsync("chat.postMessage", channel, args, repeatable: false, ct).ConfigureAwait(false);
        return body.GetProperty("ts").GetString()!;
    }

    public async Task UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken ct)
    {
        var args = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text };
        if (blocks is not null) args["blocks"] = blocks.DeepClone();
        await InChannelAsync("chat.update", channel, args, repeatable: true, ct).ConfigureAwait(false);
    }

    public async Task PostEphemeralAsync(string channel, string user, string text, CancellationToken ct) =>
        await client.CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text }, ct).ConfigureAwait(false);

    public Task InviteAsync(string channel, IReadOnlyCollection<string> users, CancellationToken ct) =>
        users.Count == 0 ? Task.CompletedTask : Tolerate(client.CallAsync("conversations.invite",
            new JsonObject { ["channel"] = channel, ["users"] = string.Join(',', users) }, ct), "already_in_channel", "cant_invite_self");

    public Task SetTopicAsync(string channel, string topic, CancellationToken ct) =>
        client.CallAsync("conversations.setTopic", new JsonObject { ["channel"] = channel, ["topic"] = topic.Length > 250 ? topic[..250] : topic }, ct);

    public Task PinAsync(string channel, string ts, CancellationToken ct) =>
        Tolerate(client.CallAsync("pins.add", new JsonObject { ["channel"] = channel, ["timestamp"] = ts }, ct), "already_pinned");

    /// <summary>
    /// Adds a link bookmark unless the channel has one to that link already: Slack has no idempotency key for
    /// <c>bookmarks.add</c>, and one made although its answer was lost would otherwise be added again by the retry (so
    /// it is not repeated here after a failure either).
    /// </summary>
    public async Task BookmarkAsync(string channel, string title, Uri link, CancellationToken ct)
    {
        if (await HasBookmarkAsync(channel, link, ct).ConfigureAwait(false)) return;
        await client.CallWithoutRepeatAsync("bookmarks.add",
            new JsonObject { ["channel_id"] = channel, ["title"] = title, ["type"] = "link", ["link"] = link.ToString() }, ct).ConfigureAwait(false);
    }

    /// <summary>An app made from an older manifest lacks <c>bookmarks:read</c>: it adds without looking, as it did before.</summary>
    private async Task<bool> HasBookmarkAsync(string channel, Uri link, CancellationToken ct)
    {
        try
        {
            var body = await client.CallFormAsync("bookmarks.list", new Dictionary<string, string> { ["channel_id"] = channel }, ct).ConfigureAwait(false);
            return body.TryGetProperty("bookmarks", out var bookmarks) && bookmarks.ValueKind == JsonValueKind.Array
                && bookmarks.EnumerateArray().Any(b => b.Str("link") == link.ToString());
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
            return false;
        }
    }

    public Task JoinAsync(string channel, CancellationToken ct) =>
        client.CallAsync("conversations.join", new JsonObject { ["channel"] = channel }, ct);

    /// <summary>Slack's 3 s, less room for the request's way in and the answer's way back.</summary>
    public static readonly TimeSpan ModalDeadline = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Opens a modal while Slack waits for the acknowledgement: one attempt of at most <see cref="ModalDeadline"/>, so the
    /// answer still reaches Slack inside its 3 s whatever views.open does.
    /// </summary>
    public async Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct) =>
        await client.CallOnceAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, ModalDeadline, ct).ConfigureAwait(false);

    public async Task<JsonElement> UserInfoAsync(string user, CancellationToken ct) =>
        (await client.CallFormAsync("users.info", new Dictionary<string, string> { ["user"] = user }, ct).ConfigureAwait(false)).GetProperty("user");

    /// <summary>The one message at <paramref name="ts"/> (<c>latest</c> + <c>inclusive</c> + <c>limit=1</c>), or null.</summary>
    public async Task<JsonElement?> MessageAsync(string channel, string ts, CancellationToken ct)
    {
        var body = await client.CallFormAsync("conversations.history", new Dictionary<string, string>
        {
            ["channel"] = channel, ["latest"] = ts, ["oldest"] = ts, ["inclusive"] = "true", ["limit"] = "1",
        }, ct).ConfigureAwait(false);
        return body.TryGetProperty("messages", out var messages) && messages.GetArrayLength() > 0 ? messages[0] : null;
    }

    /// <summary>
    /// The <c>ts</c> of a message in <paramref name="channel"/>, posted since <paramref name="since"/>, that carries a block
    /// with <paramref name="blockId"/>, or null: how a post whose answer was lost is found instead of being made twice.
    /// Reads the history newest first, at most <see cref="PostSearchPages"/> pages of 200.
    /// </summary>
    public async Task<string?> FindPostAsync(string channel, string blockId, DateTimeOffset since, CancellationToken ct)
    {
        try
        {
            return await SearchHistoryAsync(channel, blockId, since, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error == "not_in_channel")
        {
            // chat:write.public posts to a public channel without joining it, but its history is read from inside.
            await JoinAsync(channel, ct).ConfigureAwait(false);
            return await SearchHistoryAsync(channel, blockId, since, ct).ConfigureAwait(false);
        }
    }

    private async Task<string?> SearchHistoryAsync(string channel, string blockId, DateTimeOffset since, CancellationToken ct)
    {
        // Slack's clock and ours may differ a little; a few minutes more history costs nothing.
        var oldest = (since - TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds() / 1000.0;
        string? cursor = null;
        for (var page = 0; page < PostSearchPages; page++)
        {
            var args = new Dictionary<string, string>
            {
                ["channel"] = channel, ["oldest"] = oldest.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture), ["limit"] = "200",
            };
            if (cursor is not null) args["cursor"] = cursor;
            var body = await client.CallFormAsync("conversations.history", args, ct).ConfigureAwait(false);
            if (body.TryGetProperty("messages", out var messages))
            {
                foreach (var message in messages.EnumerateArray())
                {
                    if (CarriesBlock(message, blockId)) return message.Str("ts");
                }
            }
            cursor = body.Obj("response_metadata").Str("next_cursor");
            if (string.IsNullOrEmpty(cursor)) return null;
        }
        return null;
    }

    /// <summary>1,000 messages: an incident channel's whole busy hour.</summary>
    private const int PostSearchPages = 5;

    private static bool CarriesBlock(JsonElement message, string blockId) =>
        message.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array
        && blocks.EnumerateArray().Any(b => b.Str("block_id") == blockId);

    /// <summary>A channel the bot has not joined answers <c>not_in_channel</c>: join (public channels) and try once more.</summary>
    private async Task<JsonElement> InChannelAsync(string method, string channel, JsonObject args, bool repeatable, CancellationToken ct)
    {
        try
        {
            return await Call().ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error == "not_in_channel")
        {
            await JoinAsync(channel, ct).ConfigureAwait(false);
            return await Call().ConfigureAwait(false);
        }

        Task<JsonElement> Call() => repeatable ? client.CallAsync(method, args, ct) : client.CallWithoutRepeatAsync(method, args, ct);
    }

    private static async Task Tolerate(Task call, params string[] harmless)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (harmless.Contains(ex.Error))
        {
        }
    }
}
