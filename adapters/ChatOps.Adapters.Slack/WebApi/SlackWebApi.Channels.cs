using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Inbound;

namespace ChatOps.Adapters.Slack.WebApi;

internal sealed partial class SlackWebApi
{
    /// <summary>Names tried before giving up: the incident's own name, then <c>-2</c> to <c>-5</c>.</summary>
    private const int MaxNameAttempts = 5;

    /// <summary>Pages of <c>users.conversations</c> read looking for a taken name (200 channels a page).</summary>
    private const int MaxListPages = 50;

    /// <summary>
    /// Creates a channel, idempotently: <c>name_taken</c> usually means an earlier attempt created it and the bot stopped
    /// before binding it, so the existing channel is looked up and reused when it is the bot's own (the bot is in it or
    /// made it, and it is not archived). A name taken by someone else's channel gets a numeric suffix; a few tries, then
    /// <c>name_taken</c> is reported.
    /// </summary>
    public async Task<string> CreateChannelAsync(string name, bool isPrivate, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var candidate = attempt == 1 ? name : $"{name[..Math.Min(name.Length, 76)]}-{attempt}";
            try
            {
                var body = await client.CallAsync("conversations.create", new JsonObject { ["name"] = candidate, ["is_private"] = isPrivate }, ct).ConfigureAwait(false);
                return body.GetProperty("channel").GetProperty("id").GetString()!;
            }
            catch (SlackApiException ex) when (ex.Error == "name_taken")
            {
                if (await FindOwnChannelAsync(candidate, ct).ConfigureAwait(false) is { } existing) return existing;
                if (attempt >= MaxNameAttempts) throw;
            }
        }
    }

    /// <summary>
    /// The id of the bot's own unarchived channel called <paramref name="name"/>. Slack has no lookup by name;
    /// <c>users.conversations</c> lists only the channels the bot is in (fewer pages than <c>conversations.list</c>, and
    /// Tier 3 rather than Tier 2). Paged by cursor, at most <see cref="MaxListPages"/> pages; a cursor seen twice ends it.
    /// </summary>
    public async Task<string?> FindOwnChannelAsync(string name, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxListPages; page++)
        {
            var arguments = new Dictionary<string, string>
            {
                ["types"] = "public_channel,private_channel", ["exclude_archived"] = "true", ["limit"] = "200",
            };
            if (cursor is not null) arguments["cursor"] = cursor;
            var body = await client.CallFormAsync("users.conversations", arguments, ct).ConfigureAwait(false);
            if (body.Obj("channels") is { ValueKind: JsonValueKind.Array } channels)
            {
                foreach (var channel in channels.EnumerateArray())
                {
                    if ((channel.Str("name") == name || channel.Str("name_normalized") == name) && !channel.Bool("is_archived")
                        && channel.Str("id") is { } id)
                    {
                        return id;
                    }
                }
            }
            cursor = body.Obj("response_metadata").Str("next_cursor");
            if (string.IsNullOrEmpty(cursor) || !seen.Add(cursor)) return null;
        }
        return null;
    }
}
