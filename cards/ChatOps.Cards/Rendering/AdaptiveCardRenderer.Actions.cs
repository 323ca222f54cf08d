using System.Text.Json.Nodes;
using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

public static partial class AdaptiveCardRenderer
{
    /// <summary>
    /// <c>Action.Execute</c> (Universal Actions: an invoke the bot answers with the updated card) with an
    /// <c>Action.Submit</c> fallback for older clients. Both carry the verb and the incident in <c>data</c>,
    /// so the adapter reads one shape whichever arrives.
    /// </summary>
    private static JsonObject Action(CardAction action, string incidentId) => Execute(action, incidentId, withFallback: true);

    private static JsonObject Execute(CardAction action, string incidentId, bool withFallback)
    {
        var json = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["id"] = $"action-{action.Verb}",
            ["title"] = action.Title,
            ["verb"] = action.Verb,
            ["data"] = Data(action.Verb, incidentId),
        };
        if (action.Primary) json["style"] = "positive";
        if (withFallback)
        {
            var fallback = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["id"] = $"action-{action.Verb}-submit",
                ["title"] = action.Title,
                ["data"] = Data(action.Verb, incidentId),
            };
            if (action.Primary) fallback["style"] = "positive";
            json["fallback"] = fallback;
        }
        return json;
    }

    private static JsonObject Data(string verb, string incidentId) => new()
    {
        [CardVerbs.VerbKey] = verb,
        [CardVerbs.IncidentKey] = incidentId,
    };
}
