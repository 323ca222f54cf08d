using System.Text.Json.Nodes;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Tests.Fixtures;
using NJsonSchema;

namespace ChatOps.Cards.Tests.Validation;

/// <summary>Every card the bot can emit validates against the official Adaptive Card 1.5 JSON Schema.</summary>
public sealed class SchemaValidationTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
    {
        var path = RepoPaths.Specs("adaptive-card-1.5.0.json");
        Assert.True(File.Exists(path), $"Adaptive Card schema missing at {path} (shared/ must sit beside the repository).");
        return JsonSchema.FromFileAsync(path);
    });

    public static TheoryData<string> Names() => [.. CardMatrix.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Card_IsValidAgainstTheAdaptiveCard15Schema(string name)
    {
        var schema = await Schema.Value;
        var json = AdaptiveCardRenderer.Render(CardMatrix.All().Single(c => c.Name == name).View).ToJsonString();

        var errors = schema.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Kind} at {e.Path}")));
    }

    [Fact]
    public async Task Schema_RejectsATeamsOnlyPropertyAtTheRoot()
    {
        var schema = await Schema.Value;
        var card = AdaptiveCardRenderer.Render(CardMatrix.All().First().View);
        card["msteams"] = new JsonObject { ["width"] = "Full" };

        Assert.NotEmpty(schema.Validate(card.ToJsonString()));
    }
}
