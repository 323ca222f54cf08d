using System.Globalization;
using System.Text;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

public sealed partial class IncidentBridge
{
    private const int MaxSlugLength = 30;

    private Decision Declare(IncidentId id, DeclareIncident declare, CommandEnvelope envelope, DateTimeOffset now)
    {
        var service = declare.Service is null ? catalog.Default : catalog.Find(declare.Service);
        if (service is null)
            return new Refused($"There is no service '{declare.Service}' in the catalog. Known services: {string.Join(", ", catalog.Services.Select(s => s.Name))}.");

        var incident = new Incident
        {
            Id = id,
            Title = declare.Title,
            Severity = declare.Severity ?? DefaultSeverity,
            Status = IncidentStatus.Declared,
            Service = service.Name,
            Channel = $"{settings.IncidentChannelPrefix}-{id.Number.ToString(CultureInfo.InvariantCulture)}-{Slug(declare.Title)}",
            OriginChannel = envelope.Channel,
            DeclaredBy = envelope.Actor,
            DeclaredAt = now,
            PrivateChannel = declare.PrivateChannel,
            Version = 1,
        };
        var change = new Change(incident, envelope, now)
            .Event("declared", $"{envelope.Actor.Name} declared {id} \"{declare.Title}\" ({incident.Severity.ToText()}, {service.Name}) in #{envelope.Channel}");
        ScheduleUpdate(change, previousDue: null);
        change.Message(MessageKind.StatusCard, incident.Channel, BridgeText.StatusCard)
            .Message(MessageKind.Acknowledgement, service.StakeholderChannel, BridgeText.Acknowledgement)
            .Reply($"Declared {id} ({incident.Severity.ToText()}, {service.Name}). Join #{incident.Channel}; `ack` when you are on it.", MessageKind.StatusCard);
        return change.Accept();
    }

    private Severity DefaultSeverity => settings.DefaultSeverity is >= 1 and <= 4 ? (Severity)settings.DefaultSeverity : Severity.Sev3;

    /// <summary>Lower-case ASCII letters and digits joined by single dashes, at most 30 characters, cut between words.</summary>
    internal static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in Decompose(title))
        {
            if (slug.Length > MaxSlugLength) break;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString();
        if (text.Length > MaxSlugLength)
        {
            // Cut at the last word boundary that fits, so the channel name does not end in half a word.
            var cut = text.LastIndexOf('-', MaxSlugLength);
            text = text[..(cut > 0 ? cut : MaxSlugLength)];
        }
        text = text.Trim('-');
        return text.Length == 0 ? "incident" : text;
    }

    /// <summary>Splits accents from letters (é -> e + mark) so they survive the slug; text that is not valid Unicode stays as it is.</summary>
    private static string Decompose(string title)
    {
        try
        {
            return title.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return title;
        }
    }
}
