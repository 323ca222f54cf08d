using System.Globalization;
using ChatOps.Cards;
using ChatOps.Core.Commands;

namespace ChatOps.Adapters.Slack.Modals;

/// <summary>
/// A submitted modal as command texts, or the field errors Slack shows under the inputs
/// (<c>response_action: errors</c>, keyed by block id = input id). Checked synchronously in the acknowledgement.
/// </summary>
internal sealed record ModalOutcome(IReadOnlyList<string> Commands, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

internal static class ModalSubmissions
{
    /// <summary>Stands for the id of the incident the first command declared.</summary>
    public const string NewIncident = "{incident}";

    public static ModalOutcome Declare(IReadOnlyDictionary<string, string> values)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = Value(values, SlackModals.Title);
        if (title.Length == 0) errors[SlackModals.Title] = "Give the incident a title.";
        else if (title.Length > 200) errors[SlackModals.Title] = $"Keep the title under 200 characters ({title.Length} now); put details in the description.";
        var severity = Value(values, SlackModals.Severity);
        if (!Core.Incidents.SeverityText.TryParse(severity, out _)) errors[SlackModals.Severity] = "Choose a severity from SEV1 to SEV4.";
        if (errors.Count > 0) return new ModalOutcome([], errors);

        var service = Value(values, SlackModals.Service);
        var declare = $"declare \"{title.Replace("\"", "'", StringComparison.Ordinal)}\" --sev {severity}" + (service.Length > 0 ? $" --service {service}" : "");
        var description = Value(values, SlackModals.Description);
        // The description is noted on the new incident: the handler puts the declared id in place of the marker.
        return new ModalOutcome(description.Length > 0 ? [declare, $"note {NewIncident} {description}"] : [declare], errors);
    }

    public static ModalOutcome ForVerb(string verb, string incident, IReadOnlyDictionary<string, string> values)
    {
        if (Value(values, CardVerbs.Inputs.Text).Length == 0)
            return new ModalOutcome([], new Dictionary<string, string> { [CardVerbs.Inputs.Text] = "Write a few words first." });
        return new ModalOutcome(CardVerbs.ToCommandTexts(verb, incident, values), new Dictionary<string, string>());
    }

    public static ModalOutcome Postmortem(string incident, IReadOnlyDictionary<string, string> values)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in new[] { CardVerbs.Inputs.UsersPercent, CardVerbs.Inputs.FunctionPercent })
        {
            var text = Value(values, id);
            if (text.Length > 0 && (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var pct) || pct is < 0 or > 100))
                errors[id] = "A percentage from 0 to 100.";
        }
        var owner = Value(values, CardVerbs.Inputs.FollowUpOwner);
        var due = Value(values, CardVerbs.Inputs.FollowUpDue);
        var action = Value(values, CardVerbs.Inputs.FollowUpText);
        if (owner.Length > 0 || due.Length > 0 || action.Length > 0)
        {
            if (owner.Length == 0) errors[CardVerbs.Inputs.FollowUpOwner] = "Who owns the follow-up?";
            if (due.Length == 0) errors[CardVerbs.Inputs.FollowUpDue] = "When is the follow-up due?";
            else if (!DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                errors[CardVerbs.Inputs.FollowUpDue] = "A date as yyyy-mm-dd.";
            if (action.Length == 0) errors[CardVerbs.Inputs.FollowUpText] = "What will be done?";
        }
        var category = Value(values, CardVerbs.Inputs.Category);
        var rootCause = Value(values, CardVerbs.Inputs.RootCause);
        if (category.Length > 0 && rootCause.Length == 0) errors[CardVerbs.Inputs.RootCause] = "Describe the root cause of this category.";
        if (rootCause.Length > 0 && category.Length == 0) errors[CardVerbs.Inputs.Category] = "Choose the root cause's category.";
        if (errors.Count > 0) return new ModalOutcome([], errors);

        var commands = CardVerbs.ToCommandTexts(CardVerbs.PostmortemSubmit, incident, values);
        if (commands.Count == 0)
            return new ModalOutcome([], new Dictionary<string, string> { [CardVerbs.Inputs.Summary] = "Answer at least one question." });
        // Each command must parse: a refusal of the parser is shown at the form, not lost in a later reply.
        var invalid = commands.Select(CommandParser.Parse).FirstOrDefault(p => !p.IsSuccess);
        return invalid is null
            ? new ModalOutcome(commands, errors)
            : new ModalOutcome([], new Dictionary<string, string> { [CardVerbs.Inputs.Summary] = invalid.Error! });
    }

    private static string Value(IReadOnlyDictionary<string, string> values, string id) =>
        values.TryGetValue(id, out var v) && v is not null ? v.Trim() : "";
}
