using ChatOps.Cards;
using ChatOps.Cards.Composition;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Views;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Modals;

/// <summary>The modals the bot opens: declare, the words for one verb (the stakeholder update among them), the post-mortem form.</summary>
internal static class SlackModals
{
    public const string Title = "title";
    public const string Severity = "severity";
    public const string Service = "service";
    public const string Description = "description";
    public const string Visibility = "visibility";
    public const string PrivateChoice = "private";
    public const string PublicChoice = "public";

    public static BlockKitModal Declare(IReadOnlyList<string> services, int defaultSeverity, ModalContext context) =>
        new(SlackVerbs.DeclareCallback, "Declare an incident", "Declare", context.Encode(),
        [
            new TextInput(Title, "Title", "What is broken, in a few words"),
            new ChoiceInput(Severity, "Severity", ["SEV1", "SEV2", "SEV3", "SEV4"], $"SEV{Math.Clamp(defaultSeverity, 1, 4)}"),
            new ChoiceInput(Service, "Service", services, services.Contains(Core.Catalog.ServiceCatalog.DefaultServiceName) ? Core.Catalog.ServiceCatalog.DefaultServiceName : null),
            new TextInput(Description, "Description", "What people see; becomes the first note on the timeline", Multiline: true),
            new ChoiceInput(Visibility, "Incident channel", [PublicChoice, PrivateChoice], context.Private ? PrivateChoice : PublicChoice),
        ])
        {
            Intro = "SEV1: service down · SEV2: behaviour changed from a known state · SEV3/SEV4: degraded or artifacts only (hand-off).",
            Required = new HashSet<string> { Title, Severity },
        };

    /// <summary>The words one verb needs; for <c>update</c> this is the stakeholder update of the standard template.</summary>
    public static BlockKitModal ForVerb(string verb, string incident, ModalContext context)
    {
        var (title, label, hint) = verb switch
        {
            CardVerbs.Update => ("Stakeholder update", "What changed", "Goes to the stakeholders in the standard template"),
            CardVerbs.Resolve => ("Resolve", "What restored the service", "A short summary"),
            CardVerbs.Reopen => ("Reopen", "Why reopen", "What came back"),
            CardVerbs.Cancel => ("Cancel incident", "Why cancel", "False alarm, or a duplicate of INC-n"),
            CardVerbs.HandOff => ("Hand off", "Ticket in the owning team's tracker", "A link or a description"),
            _ => ("Note", "Note", "Goes on the timeline"),
        };
        return new BlockKitModal(SlackVerbs.VerbCallback(verb), title, "Send", context.Encode(),
            [new TextInput(CardVerbs.Inputs.Text, label, hint, Multiline: true)])
        {
            Intro = $"*{incident}*",
            Required = new HashSet<string> { CardVerbs.Inputs.Text },
        };
    }

    /// <summary>The post-mortem prompt's own inputs, pre-filled from the snapshot, so the form and the card ask the same.</summary>
    public static BlockKitModal Postmortem(Incident snapshot, ModalContext context)
    {
        var prompt = CardComposer.PostmortemPrompt(snapshot, "");
        return new BlockKitModal(SlackVerbs.PostmortemCallback, "Post-mortem", "Submit", context.Encode(), prompt.Inputs)
        {
            Intro = $"*{prompt.IncidentId} · {BlockKitRenderer.Mrkdwn(prompt.Title)}*\nEvery answer goes on the timeline. Leave blank what you do not know yet.",
        };
    }
}
