using System.Text.Json;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>Parses an Events API JSON body. Never throws: malformed input gives null.</summary>
internal static class SlackEventParser
{
    /// <param name="botUserId">The bot's own user id, when known: its reactions, pins and joins are ignored.</param>
    public static SlackEventBody? Parse(ReadOnlySpan<byte> body, string? botUserId)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var root = doc.RootElement;
            return root.Str("type") switch
            {
                "url_verification" when root.Str("challenge") is { } challenge => new UrlVerification(challenge),
                "event_callback" => Callback(root, botUserId),
                "app_rate_limited" => new AppRateLimited(root.Str("team_id"),
                    root.Obj("minute_rate_limited").ValueKind == JsonValueKind.Number && root.Obj("minute_rate_limited").TryGetInt64(out var minute) ? minute : 0,
                    root.Str("api_app_id")),
                { } other => new OtherEventBody(other, root.Str("team_id")),
                null => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EventCallback? Callback(JsonElement root, string? botUserId)
    {
        if (root.Str("team_id") is not { } team || root.Str("event_id") is not { } eventId) return null;
        var self = botUserId ?? Authorizations(root);
        return new EventCallback(team, eventId, Event(root.Obj("event"), self));
    }

    /// <summary>The first authorization is the installation the event was delivered for: the bot user.</summary>
    private static string? Authorizations(JsonElement root) =>
        root.Obj("authorizations") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 && list[0].Bool("is_bot")
            ? list[0].Str("user_id")
            : null;

    private static SlackEvent Event(JsonElement e, string? self)
    {
        var type = e.Str("type") ?? "";
        if (e.Str("bot_id") is not null || e.Str("subtype") == "bot_message") return new IgnoredEvent(type, "posted by a bot");
        var user = e.Str("user");
        if (user is null) return new IgnoredEvent(type, "no user");
        if (self is not null && user == self) return new IgnoredEvent(type, "caused by this bot");
        return type switch
        {
            "reaction_added" when e.Obj("item").Str("type") == "message"
                && e.Obj("item").Str("channel") is { } channel && e.Obj("item").Str("ts") is { } ts && e.Str("reaction") is { } reaction
                => new ReactionAdded(user, reaction, channel, ts),
            "pin_added" when e.Str("channel_id") is { } channel && e.Obj("item").Obj("message").Str("ts") is { } ts
                => new PinAdded(user, channel, ts, e.Obj("item").Obj("message").Str("text")),
            "member_joined_channel" when e.Str("channel") is { } channel => new MemberJoinedChannel(user, channel),
            _ => new IgnoredEvent(type, "not subscribed"),
        };
    }
}
