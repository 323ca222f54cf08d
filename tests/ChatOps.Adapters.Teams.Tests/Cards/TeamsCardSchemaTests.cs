using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Cards;
using ChatOps.Adapters.Teams.Inbound;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Testing.Builders;
using NJsonSchema;

namespace ChatOps.Adapters.Teams.Tests.Cards;

/// <summary>
/// Every card the Teams adapter sends, with its Teams additions (commander mention, user-specific views), is valid
/// Adaptive Card 1.5 once the Teams-only <c>msteams</c> property is stripped.
/// </summary>
public sealed class TeamsCardSchemaTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(RepoPaths.Specs("adaptive-card-1.5.0.json")));
    private static readonly Actor Commander = new("29:commander", "Casey Commander");

    public static TheoryData<MessageKind, IncidentStatus, bool, bool> Cases()
    {
        var data = new TheoryData<MessageKind, IncidentStatus, bool, bool>();
        foreach (var kind in Enum.GetValues<MessageKind>().Where(k => k != MessageKind.Notice))
        foreach (var status in Enum.GetValues<IncidentStatus>())
        {
            data.Add(kind, status, false, false);
            data.Add(kind, status, true, false);
            data.Add(kind, status, true, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Card_WithoutTeamsExtensions_IsValidAdaptiveCard15(MessageKind kind, IncidentStatus status, bool withCommander, bool asCommander)
    {
        var incident = new IncidentBuilder().Detailed().WithStatus(status).Build();
        if (withCommander) incident = incident with { Roles = incident.Roles.SetItem(IncidentRole.Commander, Commander) };
        var card = TeamsCards.Render(CardComposer.Compose(kind, incident, "Text of the message"), incident, asCommander ? Commander.Id : "29:someone-else");

        var errors = (await Schema.Value).Validate(TeamsCards.WithoutTeamsExtensions(card).ToJsonString());

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Kind} at {e.Path}")));
    }

    [Fact]
    public async Task StatusCard_WithCommander_CarriesAMentionEntityMatchingItsText()
    {
        var incident = new IncidentBuilder().WithStatus(IncidentStatus.Investigating).Build() is var i
            ? i with { Roles = i.Roles.SetItem(IncidentRole.Commander, Commander) }
            : null!;

        var card = TeamsCards.Render(CardComposer.StatusCard(incident), incident);

        var entity = card["msteams"]!["entities"]![0]!;
        Assert.Equal("mention", (string)entity["type"]!);
        Assert.Equal("29:commander", (string)entity["mentioned"]!["id"]!);
        Assert.Contains(card["body"]!.AsArray(), b => ((string?)b!["text"])?.Contains((string)entity["text"]!, StringComparison.Ordinal) == true);
        Assert.Empty((await Schema.Value).Validate(TeamsCards.WithoutTeamsExtensions(card).ToJsonString()));
    }

    [Fact]
    public void CommanderFromAnotherSurface_IsNotMentioned()
    {
        var incident = new IncidentBuilder().WithRole(IncidentRole.Commander, IncidentBuilder.Alice).Build();

        var card = TeamsCards.Render(CardComposer.StatusCard(incident), incident);

        Assert.Null(card["msteams"]);
    }

    [Fact]
    public void InvokeAnswer_HasTheShapeTeamsExpects()
    {
        var incident = new IncidentBuilder().Build();
        var answer = InvokeResponse.Card(TeamsCards.Render(CardComposer.StatusCard(incident), incident));

        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(answer))!;

        Assert.Equal(200, (int)json["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)json["type"]!);
        Assert.Equal("AdaptiveCard", (string)json["value"]!["type"]!);
    }

    [Fact]
    public void HugeCard_FallsBackToTextUnderTheSizeLimit()
    {
        var incident = new IncidentBuilder().WithTitle(new string('x', 200_000)).Build();

        var activity = MessageActivities.For(MessageKind.StatusCard, CardComposer.StatusCard(incident), incident);

        Assert.Null(activity["attachments"]);
        Assert.True(activity.ToJsonString().Length < ConnectorClient.MaxActivityBytes);
    }
}
