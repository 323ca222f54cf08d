using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Cards.Composition;
using ChatOps.Cards.Rendering;
using ChatOps.Core.Dispatch;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// A dispatch result as Slack messages: cards as Block Kit, long text (timelines, drafts) split over several
/// messages. Accepted changes are shown in the channel; refusals, errors and queries only to the sender.
/// </summary>
internal sealed class SlackReplies(SlackWebApi api)
{
    public IReadOnlyList<JsonObject> For(DispatchResult result)
    {
        if (result.Outcome != DispatchOutcome.Ok)
        {
            var text = result.Outcome == DispatchOutcome.Refused ? $":no_entry: {result.Error}" : $":warning: {result.Error}";
            if (result.Usage is { } usage) text += $"\nUsage: `{usage}`";
            return [Ephemeral(text)];
        }
        var visibility = result.Duplicate ? "ephemeral" : "in_channel";
        var messages = new List<JsonObject>();
        foreach (var reply in result.Replies)
        {
            if (reply.Card is { } kind && reply.Snapshot is { } snapshot)
            {
                var card = CardComposer.Compose(kind, snapshot, reply.Text);
                messages.Add(Message(visibility, BlockKitRenderer.FallbackText(card), BlockKitRenderer.Render(card)));
                continue;
            }
            foreach (var blocks in BlockKitRenderer.RenderText(reply.Text))
            {
                messages.Add(Message(visibility, BlockKitRenderer.Truncate(reply.Text, 3000), blocks));
            }
        }
        return messages;
    }

    public async Task<string?> MessageTextAsync(string channel, string ts, CancellationToken ct) =>
        await api.MessageAsync(channel, ts, ct).ConfigureAwait(false) is { } message ? message.Str("text") : null;

    /// <summary>A message only the sender sees.</summary>
    public static JsonObject Ephemeral(string text) => Message("ephemeral", text, BlockKitRenderer.RenderText(text)[0]);

    private static JsonObject Message(string responseType, string text, JsonArray blocks) => new()
    {
        ["response_type"] = responseType,
        ["text"] = text,
        ["blocks"] = blocks,
    };
}
