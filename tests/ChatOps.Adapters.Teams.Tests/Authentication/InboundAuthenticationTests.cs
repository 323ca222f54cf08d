using System.Net;
using ChatOps.Adapters.Teams.Tests.Fixtures;

namespace ChatOps.Adapters.Teams.Tests.Authentication;

/// <summary>
/// Inbound tokens checked against keys the test generated and serves as OpenID metadata + JWKS on loopback:
/// every forgery is answered 401 and records nothing; a valid token passes.
/// </summary>
public sealed class InboundAuthenticationTests
{
    private static async Task AssertRefusedAsync(TeamsBot bot, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Queue.All);
        await bot.ProcessInboxAsync();
        Assert.Empty(bot.Connector.Calls);
        Assert.Empty(bot.Directory.Channels);
    }

    [Fact]
    public async Task ValidBotFrameworkToken_IsAcceptedAndRecorded()
    {
        await using var bot = await TeamsBot.StartAsync();

        var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Queue.All);
    }

    [Fact]
    public async Task MissingToken_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token: null));
    }

    [Fact]
    public async Task WrongAudience_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = TeamsActivities.ChannelMessage("incident declare db down");
        var token = Tokens.Create(bot.Keys.BotFrameworkKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl, audience: "another-bot");
        await AssertRefusedAsync(bot, await bot.PostAsync(activity, token));
    }

    [Fact]
    public async Task WrongIssuer_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = TeamsActivities.ChannelMessage("incident declare db down");
        var token = Tokens.Create(bot.Keys.BotFrameworkKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl, issuer: "https://evil.example.com");
        await AssertRefusedAsync(bot, await bot.PostAsync(activity, token));
    }

    [Fact]
    public async Task ExpiredToken_BeyondFiveMinutesSkew_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        var token = Tokens.Create(bot.Keys.BotFrameworkKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl, lifetime: TimeSpan.FromMinutes(10));
        bot.Clock.Advance(TimeSpan.FromMinutes(16));
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token));
    }

    [Fact]
    public async Task ExpiredToken_WithinFiveMinutesSkew_IsAccepted()
    {
        await using var bot = await TeamsBot.StartAsync();
        var token = Tokens.Create(bot.Keys.BotFrameworkKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl, lifetime: TimeSpan.FromMinutes(10));
        bot.Clock.Advance(TimeSpan.FromMinutes(14));

        var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedToken_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), Tokens.Unsigned(bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl)));
    }

    [Fact]
    public async Task TokenSignedByUnknownKey_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        using var stranger = new TestKey("stranger", "msteams");
        var token = Tokens.Create(stranger, bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl);
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token));
    }

    [Fact]
    public async Task TokenSignedWithForgedKeyUnderAKnownKid_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        using var forged = new TestKey("bf-1", "msteams");
        var token = Tokens.Create(forged, bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl);
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token));
    }

    [Fact]
    public async Task ServiceUrlClaim_DifferentFromActivity_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync();
        var token = Tokens.Create(bot.Keys.BotFrameworkKeys[0], bot.Clock.GetUtcNow(), "https://smba.trafficmanager.net/emea/");
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token));
    }

    [Fact]
    public async Task KeyWithoutEndorsementForTheChannel_IsRefused()
    {
        var keys = await KeyServer.StartAsync();
        keys.BotFrameworkKeys.Add(new TestKey("bf-webchat-only", "webchat"));
        await using var bot = await TeamsBot.StartAsync(keys: keys);
        var token = Tokens.Create(keys.BotFrameworkKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl);
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token));
    }

    [Fact]
    public async Task TenantOutsideTheAllowList_IsRefused()
    {
        await using var bot = await TeamsBot.StartAsync(new() { ["Teams:AllowedTenantIds:0"] = "aaaaaaaa-0000-0000-0000-000000000000" });
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down")));
    }

    [Fact]
    public async Task TenantInTheAllowList_IsAccepted()
    {
        await using var bot = await TeamsBot.StartAsync(new() { ["Teams:AllowedTenantIds:0"] = TeamsActivities.Tenant });
        var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EntraToken_ForTheSingleTenantBot_IsAccepted()
    {
        var keys = await KeyServer.StartAsync();
        keys.EntraKeys.Add(new TestKey("entra-1"));
        await using var bot = await TeamsBot.StartAsync(new() { ["Teams:TenantId"] = KeyServer.Tenant }, keys: keys);
        var token = Tokens.Create(keys.EntraKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl, issuer: $"https://login.microsoftonline.com/{KeyServer.Tenant}/v2.0");

        var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EntraToken_FromAnotherTenant_IsRefused()
    {
        var keys = await KeyServer.StartAsync();
        keys.EntraKeys.Add(new TestKey("entra-1"));
        await using var bot = await TeamsBot.StartAsync(new() { ["Teams:TenantId"] = KeyServer.Tenant }, keys: keys);
        var token = Tokens.Create(keys.EntraKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl, issuer: "https://login.microsoftonline.com/99999999-0000-0000-0000-000000000000/v2.0");
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token));
    }

    [Fact]
    public async Task EntraToken_ForAMultiTenantBot_IsRefused()
    {
        var keys = await KeyServer.StartAsync();
        keys.EntraKeys.Add(new TestKey("entra-1"));
        await using var bot = await TeamsBot.StartAsync(keys: keys);
        var token = Tokens.Create(keys.EntraKeys[0], bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl, issuer: $"https://login.microsoftonline.com/{KeyServer.Tenant}/v2.0");
        await AssertRefusedAsync(bot, await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare db down"), token));
    }
}
