using System.Buffers.Binary;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using NJsonSchema;

namespace ChatOps.Adapters.Teams.Tests.Manifest;

/// <summary>manifest/teams: the manifest validates against the Teams schema, and the icons have the sizes Teams requires.</summary>
public sealed class ManifestTests
{
    private static string TeamsFolder => Path.Combine(RepoPaths.Root, "manifest", "teams");

    [Fact]
    public async Task Manifest_IsValidAgainstTheTeamsSchema()
    {
        var schemaPath = RepoPaths.Specs("MicrosoftTeams.schema.json");
        Assert.True(File.Exists(schemaPath), $"Teams manifest schema missing at {schemaPath} (shared/ must sit beside the repository).");
        var schema = await JsonSchema.FromFileAsync(schemaPath);

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(TeamsFolder, "manifest.json")));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Kind} at {e.Path}")));
    }

    [Fact]
    public async Task Schema_RejectsABotWithoutScopes()
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Specs("MicrosoftTeams.schema.json"));
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TeamsFolder, "manifest.json")))!;
        manifest["bots"]![0]!.AsObject().Remove("scopes");

        Assert.NotEmpty(schema.Validate(manifest.ToJsonString()));
    }

    [Fact]
    public async Task Bot_HasTeamGroupChatAndPersonalScopes_AndCommandLists()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TeamsFolder, "manifest.json")))!;
        var bot = manifest["bots"]![0]!;

        Assert.Equal(["team", "groupChat", "personal"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        var titles = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => (string)c!["title"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "incident declare", "ack", "update", "resolve", "close", "help" }, titles);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_HasTheSizeTeamsRequires(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TeamsFolder, file));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
