using ChatOps.Cards.Composition;
using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Testing.Builders;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>Every card the bot can post to Slack: each message kind at each status and both severity bands, plus extremes.</summary>
internal static class CardFixtures
{
    public static Incident At(IncidentStatus status, Severity severity = Severity.Sev2) =>
        new IncidentBuilder(7).Detailed().WithStatus(status).WithSeverity(severity).Build();

    public static IEnumerable<(string Name, CardView View)> All()
    {
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            foreach (var status in Enum.GetValues<IncidentStatus>())
            {
                foreach (var severity in new[] { Severity.Sev1, Severity.Sev4 })
                {
                    yield return ($"{kind}_{status}_{severity}".ToLowerInvariant(), CardComposer.Compose(kind, At(status, severity), TextFor(kind)));
                }
            }
        }
        yield return ("status_card_huge", Huge());
    }

    /// <summary>A card far beyond Slack's limits in every dimension the renderer must cut.</summary>
    public static CardView Huge()
    {
        var incident = At(IncidentStatus.Investigating) with
        {
            Title = new string('T', 400),
            LastUpdate = string.Join(' ', Enumerable.Repeat("rolled back the deploy & <checked> dashboards", 400)),
        };
        return CardComposer.StatusCard(incident) with
        {
            OtherRoles = [.. Enumerable.Range(1, 600).Select(i => new RoleAssignment($"Expert {i}", new string('x', 2500)))],
        };
    }

    private static string TextFor(MessageKind kind) => kind switch
    {
        MessageKind.StakeholderUpdate => "Root cause found: a bad timeout in the 09:15 deploy. Rolling back.",
        MessageKind.Notice => "Carol is now scribe.",
        _ => "",
    };
}
