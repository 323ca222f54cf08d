using ChatOps.Cards.Composition;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Tests.Fixtures;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Tests.Rendering;

public sealed class TextRendererTests
{
    [Fact]
    public void EveryCardText_NamesTheIncident()
    {
        foreach (var (name, view) in CardMatrix.All())
        {
            Assert.True(AdaptiveCardRenderer.RenderText(view).Contains("INC-7 · Checkout errors", StringComparison.Ordinal), name);
        }
    }

    [Fact]
    public void StakeholderUpdateText_FollowsTheTemplateOrder()
    {
        var text = AdaptiveCardRenderer.RenderText(
            CardComposer.Compose(MessageKind.StakeholderUpdate, Incidents.At(IncidentStatus.Identified), "Cause found."));

        Assert.Equal(
            """
            Stakeholder update: **INC-7 · Checkout errors**
            SEV2 · identified

            - Impact: 10% of users, 20% of function
            - What changed: Cause found.
            - Commander: Bob
            - Next update: 2026-03-02 10:20 UTC
            - Posted: 2026-03-02 09:50 UTC
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void StatusCardText_ShowsTheCommandBehindEachButton()
    {
        var text = AdaptiveCardRenderer.RenderText(CardComposer.StatusCard(Incidents.At(IncidentStatus.Declared)));

        Assert.EndsWith(
            "Actions: Acknowledge: `ack INC-7` · Join: `note INC-7 joined the bridge` · Cancel (false alarm): `cancel INC-7 <text>`",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public void PostmortemPromptText_TellsHowToAnswerByCommand()
    {
        var text = AdaptiveCardRenderer.RenderText(CardComposer.PostmortemPrompt(Incidents.At(IncidentStatus.Resolved), ""));

        Assert.Contains("`rootcause INC-7 <software|hardware|operator|procedural|environmental|capacity|configuration|dependency|change> <text>`", text, StringComparison.Ordinal);
        Assert.Contains("`followup INC-7 <owner> <yyyy-mm-dd> <text>`", text, StringComparison.Ordinal);
        Assert.DoesNotContain("postmortem-submit", text, StringComparison.Ordinal);
    }
}
