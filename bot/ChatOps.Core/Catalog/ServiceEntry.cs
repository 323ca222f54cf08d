namespace ChatOps.Core.Catalog;

/// <summary>One service of the catalog (configuration section <c>Services</c>).</summary>
public sealed class ServiceEntry
{
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    /// <summary>User id or name of the service owner; null when the catalog names none (then the commander validates).</summary>
    public string? ServiceOwner { get; set; }
    public string? BusinessOwner { get; set; }
    /// <summary>Channel where acknowledgements, updates and "service restored" notices go.</summary>
    public string StakeholderChannel { get; set; } = "incidents";
    /// <summary>Availability target in percent, e.g. 99.9.</summary>
    public double AvailabilityTarget { get; set; } = 99.9;
}
