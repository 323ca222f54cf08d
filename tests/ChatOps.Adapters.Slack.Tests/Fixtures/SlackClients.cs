using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Core.Ports;
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

    /// <summary><paramref name="shared"/> stands for the store's rate gate; pass one to several clients to play replicas.</summary>
    public static SlackWebApi WebApi(SlackOptions options, HttpClient http, TimeProvider? clock = null, IRateGate? shared = null)
    {
        clock ??= TimeProvider.System;
        var gate = new SlackRateGate(clock, shared ?? new InProcessRateGate());
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var client = new SlackApiClient(http, gate, wrapped, clock, NullLogger<SlackApiClient>.Instance);
        return new SlackWebApi(client, gate, wrapped);
    }
}
