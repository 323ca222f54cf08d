using System.Xml.Linq;
using ChatOps.Core.Tests.Support;

namespace ChatOps.Core.Tests.Architecture;

/// <summary>
/// Keeps the dependency table of STYLE.md true by reading every project file under bot/, cards/ and adapters/:
/// the core knows nothing of ASP.NET, Slack, Teams or a store package; nothing flows backwards.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly Dictionary<string, string> StorePackages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ChatOps.Stores.Sqlite"] = "Microsoft.Data.Sqlite",
        ["ChatOps.Stores.Redis"] = "StackExchange.Redis",
    };

    private static readonly string[] CheckedFolders = ["bot", "cards", "adapters"];

    private sealed record Project(string Name, string Sdk, IReadOnlyList<string> Projects, IReadOnlyList<string> Packages);

    private static List<Project> Load() =>
        CheckedFolders
            .Select(folder => Path.Combine(RepoRoot.Path, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path =>
            {
                var xml = XDocument.Load(path);
                string[] Includes(string element) => xml.Descendants(element).Select(e => (string?)e.Attribute("Include") ?? "").ToArray();
                return new Project(
                    Path.GetFileNameWithoutExtension(path),
                    (string?)xml.Root?.Attribute("Sdk") ?? "",
                    Includes("ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/'))).ToArray(),
                    Includes("PackageReference").Concat(Includes("FrameworkReference")).ToArray());
            })
            .ToList();

    [Fact]
    public void EveryProject_FollowsTheDependencyTable()
    {
        var projects = Load();
        Assert.Contains(projects, p => p.Name == "ChatOps.Core");

        var violations = projects.SelectMany(Violations).ToList();

        Assert.True(violations.Count == 0, "Dependency rules broken (see the table in STYLE.md):\n" + string.Join("\n", violations));
    }

    private static IEnumerable<string> Violations(Project p)
    {
        if (p.Name == "ChatOps.Core")
        {
            foreach (var x in p.Projects) yield return $"ChatOps.Core references project {x}; it may reference Stateless only.";
            foreach (var x in p.Packages.Where(x => x != "Stateless")) yield return $"ChatOps.Core references {x}; it may reference Stateless only.";
            if (p.Sdk != "Microsoft.NET.Sdk") yield return $"ChatOps.Core uses the {p.Sdk} SDK; it must stay a plain library.";
        }
        else if (p.Name == "ChatOps.Cards")
        {
            foreach (var x in p.Projects.Where(x => x != "ChatOps.Core")) yield return $"ChatOps.Cards references project {x}; it may reference Core only.";
            foreach (var x in p.Packages) yield return $"ChatOps.Cards references {x}; renderers are pure and reference Core only.";
        }
        else if (p.Name.StartsWith("ChatOps.Stores.", StringComparison.Ordinal))
        {
            var own = StorePackages.GetValueOrDefault(p.Name);
            foreach (var x in p.Projects.Where(x => x != "ChatOps.Core")) yield return $"{p.Name} references project {x}; a store may reference Core only.";
            foreach (var x in p.Packages.Where(x => !string.Equals(x, own, StringComparison.OrdinalIgnoreCase)))
                yield return $"{p.Name} references {x}; a store may reference only its own store package ({own ?? "none registered in this test"}).";
        }
        else if (p.Name.StartsWith("ChatOps.Adapters.", StringComparison.Ordinal))
        {
            foreach (var x in p.Projects.Where(x => x is not ("ChatOps.Core" or "ChatOps.Cards")))
                yield return $"{p.Name} references project {x}; adapters may reference Core and Cards, never the Bot host or a store.";
            foreach (var x in p.Packages.Where(x => StorePackages.ContainsValue(x)))
                yield return $"{p.Name} references the store package {x}; adapters never read the store.";
        }
    }

    [Fact]
    public void Rules_ReportCoreOnAspNet_CardsOnStore_AndAdapterOnBot()
    {
        Assert.NotEmpty(Violations(new Project("ChatOps.Core", "Microsoft.NET.Sdk.Web", [], ["Microsoft.AspNetCore.OpenApi"])));
        Assert.NotEmpty(Violations(new Project("ChatOps.Cards", "Microsoft.NET.Sdk", ["ChatOps.Core", "ChatOps.Stores.Sqlite"], [])));
        Assert.NotEmpty(Violations(new Project("ChatOps.Stores.Sqlite", "Microsoft.NET.Sdk", ["ChatOps.Core"], ["Microsoft.Data.Sqlite", "StackExchange.Redis"])));
        Assert.NotEmpty(Violations(new Project("ChatOps.Adapters.Slack", "Microsoft.NET.Sdk", ["ChatOps.Core", "ChatOps.Bot"], [])));
        Assert.Empty(Violations(new Project("ChatOps.Adapters.Teams", "Microsoft.NET.Sdk", ["ChatOps.Core", "ChatOps.Cards"], ["Microsoft.IdentityModel.Tokens"])));
    }
}
