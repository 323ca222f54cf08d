using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Endpoints;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;

namespace ChatOps.Adapters.Slack.Tests.Manifest;

/// <summary>manifest/slack/manifest.json is a valid v1 app manifest and names exactly what the bot serves.</summary>
public sealed class ManifestTests
{
    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(RepoPaths.Manifest))!;

    [Fact]
    public async Task Manifest_IsValidAgainstSlacksManifestSchema()
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Specs("slack-manifest.schema.1.0.0.json"));

        var errors = schema.Validate(File.ReadAllText(RepoPaths.Manifest));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Kind} at {e.Path}")));
    }

    [Fact]
    public async Task Schema_RejectsABrokenManifest()
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Specs("slack-manifest.schema.1.0.0.json"));
        var broken = Manifest();
        broken["features"]!["slash_commands"]![0]!["command"] = "incident";

        Assert.NotEmpty(schema.Validate(broken.ToJsonString()));
    }

    [Fact]
    public async Task RequestUrls_AreTheRoutesTheBotMaps()
    {
        await using var bot = await SlackBot.StartAsync();
        var posts = bot.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText)
            .ToHashSet();
        var manifest = Manifest();

        var urls = manifest["features"]!["slash_commands"]!.AsArray().Select(c => (string)c!["url"]!)
            .Append((string)manifest["settings"]!["event_subscriptions"]!["request_url"]!)
            .Append((string)manifest["settings"]!["interactivity"]!["request_url"]!);
        Assert.All(urls, url => Assert.Contains(new Uri(url).AbsolutePath, posts)); // buttons, forms and the shortcut share the interactivity URL
        Assert.Equal(3, posts.Count(p => p!.StartsWith("/slack/", StringComparison.Ordinal)));
    }

    [Fact]
    public void CommandsShortcutsAndEvents_AreExactlyWhatTheAdapterHandles()
    {
        var manifest = Manifest();

        Assert.Equal(SlackSlashCommands.All, manifest["features"]!["slash_commands"]!.AsArray().Select(c => (string)c!["command"]!));
        Assert.Equal([SlackVerbs.AddToTimelineShortcut], manifest["features"]!["shortcuts"]!.AsArray().Select(c => (string)c!["callback_id"]!));
        // Subscribed narrowly: the Events API counts every delivery against 30,000 an hour per workspace.
        Assert.Equal(["member_joined_channel", "pin_added", "reaction_added"],
            manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => (string)e!).Order());
    }
}
