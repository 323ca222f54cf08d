using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Modals;

/// <summary>
/// What a modal remembers in <c>private_metadata</c> between opening and submission: the incident (if any) and the
/// Slack channel it was opened from, so the resulting commands are answered where the user was.
/// </summary>
internal sealed record ModalContext(string? Incident, string ChannelId, bool Private = false)
{
    public string Encode() => $"{Incident}|{ChannelId}|{(Private ? "private" : "")}";

    public static ModalContext Decode(string metadata)
    {
        var parts = metadata.Split('|');
        var incident = parts.Length > 0 && IncidentId.TryParse(parts[0], out var id) ? id.ToString() : null;
        return new ModalContext(incident, parts.Length > 1 ? parts[1] : "", parts.Length > 2 && parts[2] == "private");
    }
}
