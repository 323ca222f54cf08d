using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>Builds the Web API client against a stand-in, with fast retries for tests.</summary>
internal static class SlackClients
{
    public static SlackOptions Options(Uri apiBaseUrl) => new()
    {
        Enabled = true,
        SigningSecret = "test-secret",
        BotToken = "xoxb-test-token",
        AllowedTeamIds = [SlackPayloads.Team],
        ApiBaseUrl = apiBaseUrl,
        MaxAttempts = 3,
        MinPostInterval = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromMilliseconds(500),
    };

    public static SlackWebApi WebApi(SlackOptions options, HttpClient http, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var gate = new SlackRateGate(clock);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var client = new SlackApiClient(http, gate, wrapped, clock, NullLogger<SlackApiClient>.Instance);
        return new SlackWebApi(client, gate, wrapped);
    }
}
