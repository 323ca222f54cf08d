using ChatOps.Core.Availability;
using ChatOps.Core.Catalog;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Tests.Availability;

/// <summary>The numbers of seed 001, "The Uptime Carve Knife", for a 24x7 week of 10,080 minutes.</summary>
public sealed class AvailabilityMathTests
{
    private const decimal Week = 10_080m;
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FullSixtyMinuteOutage_Is99Point40()
    {
        var minutes = AvailabilityMath.AdjustedOutageMinutes(TimeSpan.FromMinutes(60), 1m, 1m);

        Assert.Equal(60m, minutes);
        Assert.Equal(99.40m, AvailabilityMath.Round(AvailabilityMath.AvailabilityPercent(Week, minutes)));
    }

    [Fact]
    public void TenPercentOfUsers_IsSixMinutes_And99Point94()
    {
        var minutes = AvailabilityMath.AdjustedOutageMinutes(TimeSpan.FromMinutes(60), 0.10m, 1m);

        Assert.Equal(6m, minutes);
        Assert.Equal(99.94m, AvailabilityMath.Round(AvailabilityMath.AvailabilityPercent(Week, minutes)));
    }

    [Fact]
    public void TenPercentOfUsersAndTwentyPercentOfFunction_Is1Point2Minutes_And99Point99()
    {
        var minutes = AvailabilityMath.AdjustedOutageMinutes(TimeSpan.FromMinutes(60), 0.10m, 0.20m);

        Assert.Equal(1.2m, minutes);
        Assert.Equal(10_078.8m, Week - minutes);
        Assert.Equal(99.99m, AvailabilityMath.Round(AvailabilityMath.AvailabilityPercent(Week, minutes)));
    }

    [Fact]
    public void SixApplications_ScorePointsOutOf600()
    {
        decimal[] apps = [57m, 63m, 56m, 49m, 65m, 78m];

        Assert.Equal(368m, apps.Sum());
        // 368 / 600 = 61.33 %: the seed prints 61.66 %, an arithmetic slip (its own average is the same 61.33 %).
        Assert.Equal(61.33m, AvailabilityMath.Round(AvailabilityMath.CombinedPercent(apps)));
    }

    [Fact]
    public void IncidentOutage_IsClippedToThePeriod_AndCancelledCarvesNothing()
    {
        var incident = Incident("payments", Monday.AddMinutes(-30), Monday.AddMinutes(30), new Impact(null, null, 1m, 1m));

        Assert.Equal(30m, AvailabilityMath.AdjustedOutageMinutes(incident, Monday, Monday.AddDays(7), Monday));
        Assert.Equal(0m, AvailabilityMath.AdjustedOutageMinutes(incident with { Status = IncidentStatus.Cancelled }, Monday, Monday.AddDays(7), Monday));
    }

    [Fact]
    public void ImpactTimes_OverrideDeclaredAndResolved()
    {
        var incident = Incident("payments", Monday.AddHours(2), Monday.AddHours(5), new Impact(Monday.AddHours(1), Monday.AddHours(2), 0.5m, 1m));

        Assert.Equal(30m, AvailabilityMath.AdjustedOutageMinutes(incident, Monday, Monday.AddDays(7), Monday.AddDays(7)));
    }

    [Fact]
    public void Report_ComputesEachServiceAndTheOverallByPoints()
    {
        var catalog = new ServiceCatalog([new ServiceEntry { Name = "payments", AvailabilityTarget = 99.9 }, new ServiceEntry { Name = "search", AvailabilityTarget = 99.5 }]);
        var incidents = new[]
        {
            Incident("payments", Monday.AddHours(1), Monday.AddHours(2), new Impact(null, null, 0.1m, 0.2m)),
            Incident("search", Monday.AddHours(1), Monday.AddHours(2), Impact.Full),
            Incident("search", Monday.AddDays(8), Monday.AddDays(8).AddHours(1), Impact.Full),
        };

        var report = AvailabilityReport.Build(incidents, catalog, Monday, Monday.AddDays(7), Monday.AddDays(9));

        Assert.Equal(Week, report.PeriodMinutes);
        var payments = report.Services.Single(s => s.Service == "payments");
        Assert.Equal((1.2m, 99.99m, true, 1), (payments.OutageMinutes, payments.Rounded, payments.MeetsTarget, payments.Incidents));
        var search = report.Services.Single(s => s.Service == "search");
        Assert.Equal((60m, 99.40m, false, 1), (search.OutageMinutes, search.Rounded, search.MeetsTarget, search.Incidents));
        Assert.Equal(AvailabilityMath.Round((payments.Percent + search.Percent + 100m) / 3m), report.OverallRounded);
    }

    [Fact]
    public void Report_ForOneServiceByAlias_ListsOnlyIt()
    {
        var catalog = new ServiceCatalog([new ServiceEntry { Name = "payments", Aliases = ["pay"] }]);

        var report = AvailabilityReport.Build([], catalog, Monday, Monday.AddDays(7), Monday, "pay");

        Assert.Equal("payments", Assert.Single(report.Services).Service);
        Assert.Equal(100m, report.OverallPercent);
    }

    private static Incident Incident(string service, DateTimeOffset declared, DateTimeOffset resolved, Impact impact) => new()
    {
        Id = new IncidentId(1),
        Title = "t",
        Severity = Severity.Sev2,
        Status = IncidentStatus.Resolved,
        Service = service,
        Channel = "inc-1-t",
        OriginChannel = "ops",
        DeclaredBy = Actor.Bot,
        DeclaredAt = declared,
        ResolvedAt = resolved,
        Impact = impact,
    };
}
