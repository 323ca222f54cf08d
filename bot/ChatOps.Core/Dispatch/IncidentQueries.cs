using System.Globalization;
using System.Text;
using ChatOps.Core.Bridge;
using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Core.Postmortems;

namespace ChatOps.Core.Dispatch;

/// <summary>Answers the read-only verbs (list, timeline, summary, postmortem, help). They change nothing, so they are not timeline events.</summary>
public sealed class IncidentQueries(IIncidentStore store, ServiceCatalog catalog)
{
    public async Task<DispatchResult> AnswerAsync(CommandEnvelope envelope, CancellationToken ct)
    {
        switch (envelope.Command)
        {
            case ShowHelp help:
                return Answer(null, new Reply(HelpText(help.Topic)));
            case ListIncidents:
                return Answer(null, new Reply(await ListAsync(ct).ConfigureAwait(false)));
        }

        var id = envelope.Command.Target ?? await store.FindByChannelAsync(envelope.Channel, ct).ConfigureAwait(false);
        if (id is null)
            return DispatchResult.NotFound($"Which incident? Name it right after the verb, e.g. `{envelope.Command.Verb} INC-7`.");
        var incident = await store.GetAsync(id.Value, ct).ConfigureAwait(false);
        if (incident is null) return DispatchResult.NotFound($"There is no incident {id}. `list` shows the open ones.");

        return envelope.Command switch
        {
            ShowTimeline => Answer(id, new Reply(TimelineText(incident, await store.GetTimelineAsync(id.Value, ct).ConfigureAwait(false)))),
            ShowPostmortem => Answer(id, new Reply(PostmortemDraft.Render(incident, await store.GetTimelineAsync(id.Value, ct).ConfigureAwait(false)))),
            _ => Answer(id, new Reply(SummaryText(incident), MessageKind.StatusCard, incident)),
        };
    }

    private static string HelpText(string? topic) =>
        topic is null ? CommandHelp.FullText() : CommandHelp.Detail(topic) ?? $"There is no verb `{topic}`.\n\n{CommandHelp.FullText()}";

    private static DispatchResult Answer(IncidentId? id, Reply reply) => new(DispatchOutcome.Ok, id, [reply]);

    private async Task<string> ListAsync(CancellationToken ct)
    {
        var open = await store.ListAsync(new IncidentQuery(OpenOnly: true), ct).ConfigureAwait(false);
        if (open.Count == 0) return "No open incidents. Declare one with `declare <title> --sev 2 --service <name>`.";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{open.Count} open incident(s):");
        foreach (var incident in open)
        {
            var commander = incident.Commander?.Name ?? "no commander";
            text.Append(CultureInfo.InvariantCulture,
                $"\n{incident.Id} {incident.Severity.ToText()} {incident.Status.ToText()}: {incident.Title} ({incident.Service}, {commander}, #{incident.Channel})");
        }
        return text.ToString();
    }

    private string SummaryText(Incident incident)
    {
        var owner = catalog.Find(incident.Service)?.ServiceOwner ?? "none named (the commander validates)";
        var roles = incident.Roles.Count == 0
            ? "none yet"
            : string.Join(", ", incident.Roles.OrderBy(r => r.Key).Select(r => $"{r.Key.Title()}: {r.Value.Name}"));
        return $"{incident.Id} {incident.Severity.ToText()} {incident.Status.ToText()}: {incident.Title}\n"
            + $"Service: {incident.Service} (owner: {owner})\nRoles: {roles}\n"
            + $"Declared {Format(incident.DeclaredAt)} by {incident.DeclaredBy.Name}"
            + (incident.LastUpdate is null ? "" : $"\nLast update: {incident.LastUpdate}")
            + (incident.NextUpdateDue is { } due ? $"\nNext update due {Format(due)}" : "");
    }

    private static string TimelineText(Incident incident, IReadOnlyList<TimelineEntry> timeline)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Timeline of {incident.Id} ({timeline.Count} entries):");
        foreach (var entry in timeline)
            text.Append(CultureInfo.InvariantCulture, $"\n{Format(entry.At)} [{entry.Kind}] {entry.Actor.Name}: {entry.Text} ({entry.Surface})");
        return text.ToString();
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
