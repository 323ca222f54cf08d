namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>Who acted, in which workspace: common to every interactivity payload (PROTOCOLS.md A6).</summary>
internal sealed record SlackUser(string TeamId, string UserId, string? UserName);

/// <summary>An interactivity payload (form field <c>payload</c>), reduced to what the bot acts on.</summary>
internal abstract record SlackInteraction(SlackUser User, string? TriggerId);

/// <summary>A button on a message. <see cref="ActionId"/> is a card verb, <see cref="Value"/> the incident id.</summary>
internal sealed record BlockAction(
    SlackUser User,
    string? TriggerId,
    string ActionId,
    string? Value,
    string? ActionTs,
    string? ChannelId,
    string? MessageTs,
    string? ResponseUrl) : SlackInteraction(User, TriggerId);

/// <summary>A submitted modal: inputs by action id (= input id), plus the metadata the bot put in the view.</summary>
internal sealed record ViewSubmission(
    SlackUser User,
    string? TriggerId,
    string ViewId,
    string CallbackId,
    string PrivateMetadata,
    IReadOnlyDictionary<string, string> Values) : SlackInteraction(User, TriggerId);

/// <summary>The message shortcut ("Add to incident timeline") on a message in a channel.</summary>
internal sealed record MessageShortcut(
    SlackUser User,
    string? TriggerId,
    string CallbackId,
    string ChannelId,
    string MessageTs,
    string MessageText,
    string? MessageAuthor,
    string? ResponseUrl) : SlackInteraction(User, TriggerId);

/// <summary>A payload type the bot does not handle (view_closed, block_suggestion...): acknowledged, ignored.</summary>
internal sealed record OtherInteraction(SlackUser User, string Type) : SlackInteraction(User, null);
