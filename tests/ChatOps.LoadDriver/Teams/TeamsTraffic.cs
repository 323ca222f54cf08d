using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.LoadDriver.Teams;

/// <summary>
/// What the Bot Connector would post to the bot: Teams-shaped activities (PROTOCOLS.md B1) and a Bot Framework
/// token for them (issuer <c>https://api.botframework.com</c>, audience = app id, <c>serviceurl</c> claim). Like the
/// real Connector, one token is reused for the whole run; the bot still validates it on every request.
/// </summary>
internal sealed class TeamsTraffic(TeamsStandIn standIn, string appId)
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string TeamId = "19:bench-team@thread.tacv2";
    public const string IncidentsChannelId = "19:bench-incidents@thread.tacv2";
    public const string OpsChannelId = "19:bench-ops@thread.tacv2";

    private long _next;

    public string BotId => "28:" + appId;

    public string CreateToken()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = appId,
            NotBefore = now.AddMinutes(-5),
            IssuedAt = now.AddMinutes(-5),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = standIn.BaseUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(standIn.SigningKey) { KeyId = TeamsStandIn.Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The bot is added to the team: it learns the incidents channel (Teams:IncidentsChannel).</summary>
    public JsonObject InstallationUpdate()
    {
        var activity = Base("installationUpdate", IncidentsChannelId, "29:bench-admin", "Bench Admin");
        activity["action"] = "add";
        activity["channelData"] = ChannelData(IncidentsChannelId, "Incidents");
        return activity;
    }

    /// <summary>A channel message mentioning the bot, in thread <paramref name="thread"/> of the ops channel.</summary>
    public JsonObject Message(int thread, string user, string text)
    {
        var activity = Base("message", $"{OpsChannelId};messageid={thread}", user, user);
        activity["text"] = $"<at>ChatOps</at> {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ChatOps</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        });
        activity["channelData"] = ChannelData(OpsChannelId, "Ops");
        return activity;
    }

    /// <summary>An <c>Action.Execute</c> click on an incident's status card.</summary>
    public JsonObject Execute(int thread, string user, string verb, string incident)
    {
        var activity = Base("invoke", $"{OpsChannelId};messageid={thread}", user, user);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-" + thread.ToString(CultureInfo.InvariantCulture);
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["verb"] = verb, ["incident"] = incident } },
            ["trigger"] = "manual",
        };
        activity["channelData"] = ChannelData(OpsChannelId, null);
        return activity;
    }

    private JsonObject Base(string type, string conversationId, string from, string fromName) => new()
    {
        ["type"] = type,
        ["id"] = "f:" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
        ["timestamp"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = standIn.BaseUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = from, ["name"] = fromName },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        ["locale"] = "en-US",
    };

    private static JsonObject ChannelData(string channelId, string? channelName)
    {
        var channel = new JsonObject { ["id"] = channelId };
        if (channelName is not null) channel["name"] = channelName;
        return new JsonObject { ["channel"] = channel, ["team"] = new JsonObject { ["id"] = TeamId }, ["tenant"] = new JsonObject { ["id"] = Tenant } };
    }
}
