using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;
using ChatOps.Cards.Composition;
using ChatOps.Cards.Rendering;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Rendering;

public sealed class BlockKitRendererTests
{
    public static TheoryData<string> CardNames() => [.. CardFixtures.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void EveryCard_StaysWithinSlacksLimits(string name)
    {
        var blocks = BlockKitRenderer.Render(CardFixtures.All().Single(c => c.Name == name).View);

        var errors = BlockKitLimitCheck.Message(blocks);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void StatusCard_StartsWithIdAndTitle_AndEndsWithVerbButtonsCarryingTheIncident()
    {
        var view = CardComposer.StatusCard(CardFixtures.At(IncidentStatus.Declared));

        var blocks = BlockKitRenderer.Render(view);

        Assert.Equal("INC-7 · Checkout errors 7", (string?)blocks[0]!["text"]!["text"]);
        var actions = blocks[^1]!;
        Assert.Equal(BlockKitRenderer.ActionsBlockId, (string?)actions["block_id"]);
        var buttons = actions["elements"]!.AsArray();
        Assert.Equal(view.Actions.Select(a => a.Verb), buttons.Select(b => (string)b!["action_id"]!));
        Assert.All(buttons, b => Assert.Equal("INC-7", (string?)b!["value"]));
        Assert.Equal("primary", (string?)buttons[0]!["style"]);
    }

    [Fact]
    public void HugeCard_IsCutToFiftyBlocks_KeepsItsButtons_AndSaysWhatWasLeftOut()
    {
        var blocks = BlockKitRenderer.Render(CardFixtures.Huge());

        Assert.Equal(50, blocks.Count);
        Assert.Equal("actions", (string?)blocks[^1]!["type"]);
        Assert.Contains("left out", (string?)blocks[^2]!["elements"]![0]!["text"], StringComparison.Ordinal);
        Assert.EndsWith("…", (string?)blocks[0]!["text"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void LongParagraph_IsSplitIntoSections_WithoutLosingText()
    {
        var text = string.Join('\n', Enumerable.Range(1, 700).Select(i => $"line {i:D4} of the update"));
        var view = CardComposer.StatusCard(CardFixtures.At(IncidentStatus.Investigating) with { LastUpdate = text });

        var sections = BlockKitRenderer.Render(view).Where(b => (string?)b!["type"] == "section" && b["text"] is not null).ToList();

        Assert.True(sections.Count >= 6, $"{sections.Count} sections");
        var joined = string.Join('\n', sections.Select(s => (string)s!["text"]!["text"]!));
        Assert.Contains("line 0001 of the update", joined, StringComparison.Ordinal);
        Assert.Contains("line 0700 of the update", joined, StringComparison.Ordinal);
        Assert.All(sections, s => Assert.True(((string)s!["text"]!["text"]!).Length <= 3000));
    }

    [Fact]
    public void Text_EscapesSlackControlCharacters_AndConvertsBold()
    {
        Assert.Equal("*INC-7* &lt;b&gt; &amp; c", BlockKitRenderer.Mrkdwn("**INC-7** <b> & c"));
    }

    [Fact]
    public void LongTimeline_IsSplitIntoSeveralMessages_EachWithinLimits_InOrder()
    {
        var timeline = string.Join('\n', Enumerable.Range(1, 2000).Select(i => $"- 09:{i % 60:D2} entry {i:D4}: Alice noted that the database failover was checked"));

        var messages = BlockKitRenderer.RenderText(timeline);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.Empty(BlockKitLimitCheck.Message(m)));
        Assert.All(messages, m => Assert.True(BlockKitLimitCheck.TotalTextLength(m) <= BlockKitLimitCheck.Budget));
        var all = string.Join('\n', messages.SelectMany(m => m).Select(b => (string)b!["text"]!["text"]!));
        Assert.True(all.IndexOf("entry 0001", StringComparison.Ordinal) < all.IndexOf("entry 2000", StringComparison.Ordinal));
        Assert.Equal(2000, all.Split('\n').Count(l => l.Contains(" entry ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Split_NeverCutsAnEscapeOrASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("ab&amp;😀", 1000));

        var chunks = BlockKitRenderer.Split(text, 3000).ToList();

        Assert.Equal(text, string.Concat(chunks));
        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
        Assert.All(chunks, c => Assert.DoesNotMatch("&a?m?p?$", c));
    }

    [Fact]
    public void PostmortemModal_HasOneInputPerQuestion_KeyedByInputId()
    {
        var prompt = CardComposer.PostmortemPrompt(CardFixtures.At(IncidentStatus.Resolved, Severity.Sev1), "");
        var modal = new BlockKitModal("postmortem", "Post-mortem INC-7", "Submit", "INC-7|C111", prompt.Inputs)
        {
            Required = new HashSet<string> { CardVerbs.Inputs.Summary },
        };

        var view = BlockKitRenderer.Modal(modal);

        Assert.Empty(BlockKitLimitCheck.Modal(view));
        var blocks = view["blocks"]!.AsArray();
        Assert.Equal(prompt.Inputs.Select(i => i.Id), blocks.Select(b => (string)b!["block_id"]!));
        Assert.All(blocks, b => Assert.Equal((string?)b!["block_id"], (string?)b["element"]!["action_id"]));
        var category = blocks.Single(b => (string?)b!["block_id"] == CardVerbs.Inputs.Category)!["element"]!;
        Assert.Equal("static_select", (string?)category["type"]);
        Assert.Equal(CardComposer.RootCauseCategories.Count, category["options"]!.AsArray().Count);
        Assert.False((bool)blocks[0]!["optional"]!);
        Assert.True((bool)blocks[1]!["optional"]!);
        Assert.Equal("number_input", (string?)blocks[1]!["element"]!["type"]);
        Assert.Equal("datepicker", (string?)blocks.Single(b => (string?)b!["block_id"] == CardVerbs.Inputs.FollowUpDue)!["element"]!["type"]);
    }

    [Fact]
    public void FallbackText_NamesIncidentAndStatus()
    {
        var text = BlockKitRenderer.FallbackText(CardComposer.StatusCard(CardFixtures.At(IncidentStatus.Identified, Severity.Sev1)));

        Assert.Equal("INC-7 · Checkout errors 7: SEV1 · identified", text);
    }

}
