using System.Text.Json;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>Parses the JSON in the <c>payload</c> form field. Never throws: malformed input gives null.</summary>
internal static class SlackInteractionParser
{
    public static SlackInteraction? Parse(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload)) return null;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return Parse(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SlackInteraction? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        var type = root.Str("type");
        var userId = root.Obj("user").Str("id");
        var teamId = root.Obj("team").Str("id") ?? root.Obj("user").Str("team_id");
        if (type is null || userId is null || teamId is null) return null;
        var user = new SlackUser(teamId, userId, root.Obj("user").Str("username") ?? root.Obj("user").Str("name"));
        var trigger = root.Str("trigger_id");
        return type switch
        {
            "block_actions" => BlockAction(root, user, trigger),
            "view_submission" => ViewSubmission(root, user, trigger),
            "message_action" => MessageShortcut(root, user, trigger),
            _ => new OtherInteraction(user, type),
        };
    }

    private static BlockAction? BlockAction(JsonElement root, SlackUser user, string? trigger)
    {
        if (root.Obj("actions") is not { ValueKind: JsonValueKind.Array } actions || actions.GetArrayLength() == 0) return null;
        var action = actions[0];
        if (action.Str("action_id") is not { } actionId) return null;
        var container = root.Obj("container");
        return new BlockAction(user, trigger, actionId,
            action.Str("value") ?? action.Obj("selected_option").Str("value"),
            action.Str("action_ts"),
            root.Obj("channel").Str("id") ?? container.Str("channel_id"),
            container.Str("message_ts") ?? root.Obj("message").Str("ts"),
            root.Str("response_url"));
    }

    private static ViewSubmission? ViewSubmission(JsonElement root, SlackUser user, string? trigger)
    {
        var view = root.Obj("view");
        if (view.Str("id") is not { } viewId || view.Str("callback_id") is not { } callback) return null;
        return new ViewSubmission(user, trigger, viewId, callback, view.Str("private_metadata") ?? "", StateValues(view.Obj("state").Obj("values")));
    }

    private static MessageShortcut? MessageShortcut(JsonElement root, SlackUser user, string? trigger)
    {
        var message = root.Obj("message");
        if (root.Str("callback_id") is not { } callback || root.Obj("channel").Str("id") is not { } channel || message.Str("ts") is not { } ts) return null;
        return new MessageShortcut(user, trigger, callback, channel, ts, message.Str("text") ?? "", message.Str("user"), root.Str("response_url"));
    }

    /// <summary><c>state.values[block_id][action_id]</c> flattened to action id -> the value as text.</summary>
    internal static Dictionary<string, string> StateValues(JsonElement values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values.ValueKind != JsonValueKind.Object) return result;
        foreach (var block in values.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var element in block.Value.EnumerateObject())
            {
                var v = element.Value;
                var text = v.Str("value") ?? v.Obj("selected_option").Str("value") ?? v.Str("selected_date")
                    ?? v.Str("selected_user") ?? v.Str("selected_conversation") ?? v.Str("selected_channel");
                if (text is not null) result[element.Name] = text;
            }
        }
        return result;
    }
}
