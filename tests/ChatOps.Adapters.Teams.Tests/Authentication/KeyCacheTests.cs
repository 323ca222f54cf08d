using System.Net;
using ChatOps.Adapters.Teams.Tests.Fixtures;

namespace ChatOps.Adapters.Teams.Tests.Authentication;

/// <summary>The JWKS is cached: refreshed daily, and on an unknown key id at most once an hour.</summary>
public sealed class KeyCacheTests
{
    [Fact]
    public async Task ManyActivities_FetchTheKeysOnce()
    {
        await using var bot = await TeamsBot.StartAsync();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(TeamsActivities.ChannelMessage("help"))).StatusCode);
        Assert.Equal(1, bot.Keys.KeyRequests);
    }

    [Fact]
    public async Task RotatedKey_IsPickedUpOnItsFirstToken()
    {
        await using var bot = await TeamsBot.StartAsync();
        await bot.PostAsync(TeamsActivities.ChannelMessage("help"));
        var rotated = new TestKey("bf-2", "msteams");
        bot.Keys.BotFrameworkKeys.Add(rotated);

        var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"), Tokens.Create(rotated, bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, bot.Keys.KeyRequests);
    }

    [Fact]
    public async Task UnknownKeys_RefreshAtMostOnceAnHour()
    {
        await using var bot = await TeamsBot.StartAsync();
        await bot.PostAsync(TeamsActivities.ChannelMessage("help"));
        using var stranger = new TestKey("stranger", "msteams");
        for (var i = 0; i < 5; i++)
        {
            var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"), Tokens.Create(stranger, bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Equal(2, bot.Keys.KeyRequests);

        bot.Clock.Advance(TimeSpan.FromMinutes(61));
        await bot.PostAsync(TeamsActivities.ChannelMessage("help"), Tokens.Create(stranger, bot.Clock.GetUtcNow(), TeamsActivities.ServiceUrl));
        Assert.Equal(3, bot.Keys.KeyRequests);
    }

    [Fact]
    public async Task Keys_AreRefreshedAfterADay()
    {
        await using var bot = await TeamsBot.StartAsync();
        await bot.PostAsync(TeamsActivities.ChannelMessage("help"));
        bot.Clock.Advance(TimeSpan.FromHours(25));
        await bot.PostAsync(TeamsActivities.ChannelMessage("help"));
        Assert.Equal(2, bot.Keys.KeyRequests);
    }
}
