using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>Teams-shaped activities (PROTOCOLS.md B1 captures), as JSON the channel would post.</summary>
internal static class TeamsActivities
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string Tenant = KeyServer.Tenant;
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string OpsChannelId = "19:ops-channel@thread.tacv2";
    public const string IncidentsChannelId = "19:incidents-channel@thread.tacv2";
    public const string BotId = "28:" + Tokens.AppId;
    public const string AlexId = "29:alex";

    private static int _next;

    public static JsonObject ChannelMessage(string text, string channelId = OpsChannelId, string channelName = "Ops", string? id = null, string from = AlexId, string fromName = "Alex Wilber")
    {
        var activity = Base("message", id, channelId + ";messageid=" + NextId(), "channel", from, fromName);
        activity["text"] = $"<at>ChatOps</at> {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ChatOps</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        });
        activity["channelData"] = ChannelData(channelId, channelName);
        return activity;
    }

    public static JsonObject PersonalMessage(string text, string? id = null)
    {
        var activity = Base("message", id, "a:personal-alex", "personal", AlexId, "Alex Wilber");
        activity["text"] = text;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } };
        return activity;
    }

    public static JsonObject GroupChatMessage(string text)
    {
        var activity = Base("message", null, "19:groupchat@thread.v2", "groupChat", AlexId, "Alex Wilber");
        activity["text"] = $"<at>ChatOps</at> {text}";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ChatOps</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        });
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } };
        return activity;
    }

    public static JsonObject Execute(string verb, string incident, string conversationId, string? replyToId = null, string from = AlexId, JsonObject? inputs = null)
    {
        var activity = Base("invoke", null, conversationId, "channel", from, from == AlexId ? "Alex Wilber" : "Bea Responder");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId ?? "1700000000001";
        var data = inputs ?? new JsonObject();
        data["verb"] = verb;
        data["incident"] = incident;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        activity["channelData"] = ChannelData(conversationId.Split(';')[0], null);
        return activity;
    }

    public static JsonObject Submit(JsonObject value, string conversationId, string replyToId)
    {
        var activity = Base("message", null, conversationId, "channel", AlexId, "Alex Wilber");
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        activity["channelData"] = ChannelData(conversationId.Split(';')[0], null);
        return activity;
    }

    public static JsonObject InstallationUpdate(string channelId, string channelName)
    {
        var activity = Base("installationUpdate", null, channelId, "channel", AlexId, "Alex Wilber");
        activity["action"] = "add";
        activity["channelData"] = ChannelData(channelId, channelName);
        return activity;
    }

    public static JsonObject ConversationUpdate(string channelId, string channelName)
    {
        var activity = Base("conversationUpdate", null, channelId, "channel", AlexId, "Alex Wilber");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["channelData"] = ChannelData(channelId, channelName);
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    private static JsonObject Base(string type, string? id, string conversationId, string conversationType, string from, string fromName) => new()
    {
        ["type"] = type,
        ["id"] = id ?? "f:" + NextId(),
        ["timestamp"] = "2026-11-22T10:00:00.000Z",
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = from, ["name"] = fromName, ["aadObjectId"] = "6b703ce3-0000-0000-0000-000000000001" },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = conversationType != "personal",
            ["conversationType"] = conversationType,
            ["tenantId"] = Tenant,
            ["id"] = conversationId,
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        ["locale"] = "en-US",
    };

    private static JsonObject ChannelData(string channelId, string? channelName)
    {
        var channel = new JsonObject { ["id"] = channelId };
        if (channelName is not null) channel["name"] = channelName;
        return new JsonObject
        {
            ["channel"] = channel,
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["tenant"] = new JsonObject { ["id"] = Tenant },
        };
    }

    private static string NextId() => (1_700_000_000_000L + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
