using System.Net;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Tests.Authentication;

/// <summary>The Development-only switch for the Agents Playground can never open a production bot.</summary>
public sealed class DevelopmentSwitchTests
{
    [Fact]
    public async Task DisableAuthentication_OutsideDevelopment_RefusesToStart()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TeamsBot.StartAsync(new() { ["Teams:DisableAuthentication"] = "true" }, environment: "Production"));
        Assert.Contains("DisableAuthentication", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAppId_RefusesToStart()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBot.StartAsync(new() { ["Teams:AppId"] = "" }));
        Assert.Contains("AppId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableAuthentication_InDevelopment_AcceptsActivitiesWithoutToken()
    {
        await using var bot = await TeamsBot.StartAsync(new() { ["Teams:DisableAuthentication"] = "true" }, environment: "Development");

        var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Queue.All);
    }
}
