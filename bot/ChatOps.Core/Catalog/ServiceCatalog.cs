using ChatOps.Core.Incidents;

namespace ChatOps.Core.Catalog;

/// <summary>Looks services up by name or alias. An incident that names no service goes to <see cref="Default"/>.</summary>
public sealed class ServiceCatalog
{
    public const string DefaultServiceName = "general";

    private readonly IReadOnlyList<ServiceEntry> _services;

    public ServiceCatalog(IEnumerable<ServiceEntry> services)
    {
        var list = services.ToList();
        if (!list.Any(s => string.Equals(s.Name, DefaultServiceName, StringComparison.OrdinalIgnoreCase)))
            list.Add(new ServiceEntry { Name = DefaultServiceName, StakeholderChannel = "incidents" });
        _services = list;
    }

    public IReadOnlyList<ServiceEntry> Services => _services;

    public ServiceEntry Default => Find(DefaultServiceName)!;

    public ServiceEntry? Find(string? nameOrAlias)
    {
        if (string.IsNullOrWhiteSpace(nameOrAlias)) return null;
        return _services.FirstOrDefault(s => string.Equals(s.Name, nameOrAlias, StringComparison.OrdinalIgnoreCase))
            ?? _services.FirstOrDefault(s => s.Aliases.Any(a => string.Equals(a, nameOrAlias, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>True when <paramref name="actor"/> is the service's owner or business owner (matched on id or name).</summary>
    public bool IsOwner(string service, Actor actor)
    {
        var entry = Find(service);
        if (entry is null) return false;
        return Matches(entry.ServiceOwner, actor) || Matches(entry.BusinessOwner, actor);
    }

    public bool HasOwner(string service)
    {
        var entry = Find(service);
        return entry is not null && (!string.IsNullOrWhiteSpace(entry.ServiceOwner) || !string.IsNullOrWhiteSpace(entry.BusinessOwner));
    }

    private static bool Matches(string? owner, Actor actor) =>
        !string.IsNullOrWhiteSpace(owner)
        && (string.Equals(owner, actor.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(owner, actor.Name, StringComparison.OrdinalIgnoreCase));
}
