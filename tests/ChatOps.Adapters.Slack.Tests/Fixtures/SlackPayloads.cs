using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>
/// Request bodies in the shapes Slack sends (PROTOCOLS.md A2, A5, A6; field sets of the bolt-python scenario fixtures
/// and java-slack-sdk json-logs samples), with values of our own.
/// </summary>
internal static class SlackPayloads
{
    public const string Team = "T111";
    public const string Channel = "C111";
    public const string User = "W111";

    public static string SlashCommand(string text, string channel = Channel, string user = User, string team = Team) =>
        $"token=verification_token&team_id={team}&team_domain=test-domain&channel_id={channel}&channel_name=random&user_id={user}" +
        $"&user_name=primary-owner&command=%2Fincident&text={Uri.EscapeDataString(text)}&enterprise_id=E111&enterprise_name=Org+Name" +
        "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F111%2Fxxxxx&trigger_id=111.111.xxx";

    public static JsonObject BlockAction(string actionId, string value, string channel = Channel, string messageTs = "1700000000.000100") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = User, ["username"] = "primary-owner", ["name"] = "primary-owner", ["team_id"] = Team },
        ["api_app_id"] = "A111",
        ["token"] = "verification_token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = $"111.222.{Guid.NewGuid():N}",
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "test-domain" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "inc-1-checkout" },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "INC-1", ["bot_id"] = "B111" },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["response_url"] = "https://hooks.slack.com/actions/T111/111/xxxx",
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["action_id"] = actionId, ["block_id"] = "actions", ["type"] = "button", ["value"] = value,
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge", ["emoji"] = true },
                ["action_ts"] = "1700000001.000200",
            },
        },
    };

    public static JsonObject ViewSubmission(string callbackId, string privateMetadata, JsonObject values) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "test-domain" },
        ["user"] = new JsonObject { ["id"] = User, ["username"] = "primary-owner", ["name"] = "primary-owner", ["team_id"] = Team },
        ["api_app_id"] = "A111",
        ["token"] = "verification_token",
        ["trigger_id"] = $"111.333.{Guid.NewGuid():N}",
        ["view"] = new JsonObject
        {
            ["id"] = "V111", ["team_id"] = Team, ["type"] = "modal", ["callback_id"] = callbackId, ["private_metadata"] = privateMetadata,
            ["hash"] = "156772938.1827394", ["state"] = new JsonObject { ["values"] = values },
            ["root_view_id"] = "V111", ["previous_view_id"] = null, ["app_id"] = "A111", ["bot_id"] = "B111",
        },
        ["response_urls"] = new JsonArray(),
        ["is_enterprise_install"] = false,
    };

    /// <summary>One plain text input's state: <c>{block_id: {action_id: {type, value}}}</c>.</summary>
    public static JsonObject TextValue(string id, string? value) =>
        new() { [id] = new JsonObject { [id] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } } };

    public static JsonObject SelectValue(string id, string value) =>
        new() { [id] = new JsonObject { [id] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject
        {
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value,
        } } } };

    public static JsonObject MessageShortcut(string callbackId, string text, string channel = Channel, string ts = "1700000005.000500") => new()
    {
        ["type"] = "message_action",
        ["token"] = "verification_token",
        ["action_ts"] = "1700000006.000600",
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "test-domain" },
        ["user"] = new JsonObject { ["id"] = User, ["name"] = "primary-owner", ["team_id"] = Team },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "inc-1-checkout" },
        ["callback_id"] = callbackId,
        ["trigger_id"] = "111.444.valid",
        ["message_ts"] = ts,
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = "U222", ["text"] = text, ["ts"] = ts },
        ["response_url"] = "https://hooks.slack.com/app/T111/111/xxxx",
    };

    public static JsonObject Event(JsonObject inner, string eventId = "Ev111", string team = Team) => new()
    {
        ["token"] = "verification_token",
        ["team_id"] = team,
        ["api_app_id"] = "A111",
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000010,
        ["authorizations"] = new JsonArray
        {
            new JsonObject { ["enterprise_id"] = null, ["team_id"] = team, ["user_id"] = "UBOT", ["is_bot"] = true, ["is_enterprise_install"] = false },
        },
        ["is_ext_shared_channel"] = false,
        ["event_context"] = "4-eyJldCI6InJlYWN0aW9uX2FkZGVkIn0",
    };

    public static JsonObject ReactionAdded(string reaction, string user = User, string channel = Channel, string ts = "1700000005.000500") => new()
    {
        ["type"] = "reaction_added", ["user"] = user, ["reaction"] = reaction, ["item_user"] = "U222",
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts },
        ["event_ts"] = "1700000010.000100",
    };

    public static JsonObject PinAdded(string user = User, string channel = Channel, string ts = "1700000005.000500") => new()
    {
        ["type"] = "pin_added", ["user"] = user, ["channel_id"] = channel,
        ["item"] = new JsonObject
        {
            ["type"] = "message", ["created"] = 1700000011, ["created_by"] = user, ["channel"] = channel,
            ["message"] = new JsonObject { ["type"] = "message", ["user"] = "U222", ["text"] = "DB failover done", ["ts"] = ts },
        },
        ["event_ts"] = "1700000011.000100",
    };

    public static JsonObject MemberJoined(string user = User, string channel = Channel) => new()
    {
        ["type"] = "member_joined_channel", ["user"] = user, ["channel"] = channel, ["channel_type"] = "C", ["team"] = Team,
        ["event_ts"] = "1700000012.000100",
    };

    public static string UrlVerification(string challenge) =>
        $$"""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"{{challenge}}","type":"url_verification"}""";

    /// <summary>How bolt-python builds an interactivity body: <c>payload=</c> + the URL-encoded JSON.</summary>
    public static string InteractionBody(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());
}
