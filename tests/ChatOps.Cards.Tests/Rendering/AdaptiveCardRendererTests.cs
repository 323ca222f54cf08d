using System.Text.Json.Nodes;
using ChatOps.Cards.Composition;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Tests.Fixtures;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Tests.Rendering;

public sealed class AdaptiveCardRendererTests
{
    private static JsonObject Render(MessageKind kind, IncidentStatus status) =>
        AdaptiveCardRenderer.Render(CardComposer.Compose(kind, Incidents.At(status), "text"));

    [Fact]
    public void Card_DeclaresAdaptiveCard15AndItsSchema()
    {
        var card = Render(MessageKind.StatusCard, IncidentStatus.Investigating);

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
    }

    [Fact]
    public void EveryAction_IsAnExecuteWithASubmitFallbackCarryingTheSameData()
    {
        var actions = Render(MessageKind.StatusCard, IncidentStatus.Investigating)["actions"]!.AsArray();

        Assert.Equal(5, actions.Count);
        foreach (var action in actions)
        {
            Assert.Equal("Action.Execute", (string?)action!["type"]);
            var verb = (string?)action["verb"];
            Assert.Equal(verb, (string?)action["data"]!["verb"]);
            Assert.Equal("INC-7", (string?)action["data"]!["incident"]);
            var fallback = action["fallback"]!;
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.True(JsonNode.DeepEquals(action["data"], fallback["data"]));
            Assert.Equal((string?)action["title"], (string?)fallback["title"]);
        }
    }

    [Fact]
    public void Ids_AreUniqueInEveryCard()
    {
        foreach (var (name, view) in CardMatrix.All())
        {
            var ids = CardJson.Values(AdaptiveCardRenderer.Render(view), "id").ToList();
            Assert.True(ids.Count == ids.Distinct().Count(), $"{name}: duplicate ids in {string.Join(", ", ids)}");
        }
    }

    [Fact]
    public void EveryTextBlock_Wraps()
    {
        foreach (var (name, view) in CardMatrix.All())
        {
            var blocks = AdaptiveCardRenderer.Render(view).ToJsonString();
            Assert.DoesNotContain("\"wrap\":false", blocks, StringComparison.Ordinal);
            Assert.True(blocks.Contains("\"wrap\":true", StringComparison.Ordinal), name);
        }
    }

    [Fact]
    public void Cards_CarryNoTeamsOnlyProperties()
    {
        foreach (var (_, view) in CardMatrix.All())
        {
            Assert.DoesNotContain("msteams", AdaptiveCardRenderer.Render(view).ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void StatusCard_OffersAManualRefreshOnly()
    {
        var refresh = Render(MessageKind.StatusCard, IncidentStatus.Declared)["refresh"]!;

        Assert.Equal("refresh", (string?)refresh["action"]!["verb"]);
        Assert.Empty(refresh["userIds"]!.AsArray());
        Assert.Null(Render(MessageKind.StakeholderUpdate, IncidentStatus.Declared)["refresh"]);
    }

    [Fact]
    public void Heading_ShowsIdAndTitle_AndTheStatusLineStandsOut()
    {
        var card = Render(MessageKind.StatusCard, IncidentStatus.Identified);
        var header = card["body"]![0]!["items"]!.AsArray();

        Assert.Equal("INC-7 · Checkout errors", (string?)header[1]!["text"]);
        Assert.Equal("SEV2 · identified", (string?)header[2]!["text"]);
        Assert.Equal("bolder", (string?)header[2]!["weight"]);
        Assert.Equal("attention", (string?)card["body"]![0]!["style"]);
    }

    [Fact]
    public void PostmortemPrompt_RendersCategoryAsChoiceSetAndDueDateAsDate()
    {
        var body = Render(MessageKind.PostmortemPrompt, IncidentStatus.Resolved)["body"]!.AsArray();

        var category = body.Single(e => (string?)e!["id"] == CardVerbs.Inputs.Category)!;
        Assert.Equal("Input.ChoiceSet", (string?)category["type"]);
        Assert.Equal(9, category["choices"]!.AsArray().Count);
        Assert.Equal("Input.Date", (string?)body.Single(e => (string?)e!["id"] == CardVerbs.Inputs.FollowUpDue)!["type"]);
        Assert.All(body.Where(e => ((string?)e!["type"])!.StartsWith("Input.", StringComparison.Ordinal)),
            input => Assert.False(string.IsNullOrEmpty((string?)input!["label"])));
    }
}
