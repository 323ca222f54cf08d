using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>
/// The incident bridge: one Stateless machine per incident, rebuilt from the snapshot for each command,
/// used once and dropped. Pure: decides and emits events, messages and timers; the dispatcher commits them.
/// </summary>
public sealed partial class IncidentBridge(BridgeSettings settings, ServiceCatalog catalog)
{
    /// <summary>
    /// Decides one command. <paramref name="current"/> is null only for <see cref="DeclareIncident"/>, where
    /// <paramref name="id"/> is the freshly allocated id. Queries are not handled here.
    /// </summary>
    public Decision Decide(Incident? current, IncidentId id, CommandEnvelope envelope, DateTimeOffset now)
    {
        _ = settings;
        _ = catalog;
        _ = current;
        _ = id;
        _ = envelope;
        _ = now;
        return new Refused("not built yet");
    }
}
