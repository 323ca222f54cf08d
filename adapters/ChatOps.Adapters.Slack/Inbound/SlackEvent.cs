namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>An Events API body (PROTOCOLS.md A5), reduced to what the bot acts on.</summary>
internal abstract record SlackEventBody;

internal sealed record UrlVerification(string Challenge) : SlackEventBody;

/// <summary>An <c>event_callback</c>. <see cref="EventId"/> is globally unique and is the dedupe key of retries.</summary>
internal sealed record EventCallback(string TeamId, string EventId, SlackEvent Event) : SlackEventBody;

/// <summary>
/// Slack stopped delivering this workspace's events (more than 30,000 in an hour). No inner event and no
/// <c>event_id</c>; <see cref="MinuteRateLimited"/> is the epoch minute the limiting began.
/// </summary>
internal sealed record AppRateLimited(string? TeamId, long MinuteRateLimited, string? ApiAppId) : SlackEventBody;

/// <summary>Any other body type: acknowledged, nothing to do.</summary>
internal sealed record OtherEventBody(string Type, string? TeamId) : SlackEventBody;

internal abstract record SlackEvent(string UserId);

/// <summary>A reaction on a message (<c>item.type == "message"</c>); other items are ignored.</summary>
internal sealed record ReactionAdded(string UserId, string Reaction, string ChannelId, string MessageTs) : SlackEvent(UserId);

internal sealed record PinAdded(string UserId, string ChannelId, string MessageTs, string? MessageText) : SlackEvent(UserId);

internal sealed record MemberJoinedChannel(string UserId, string ChannelId) : SlackEvent(UserId);

/// <summary>An event the bot does not act on, or one the bot caused itself (loops are cut here).</summary>
internal sealed record IgnoredEvent(string Type, string Why) : SlackEvent("");
