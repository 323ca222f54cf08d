using System.Reflection;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>
/// The repository root (the folder holding ChatOps.sln), found from the test binaries or, when they were built
/// into an artifacts folder outside the tree, from the project folder recorded at build time.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Specs(string file) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", file));

    public static string Validators => Path.Combine(Root, "tests", "validators");

    public static string Manifest => Path.Combine(Root, "manifest", "slack", "manifest.json");

    private static string Find()
    {
        var projectDir = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, projectDir })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException($"ChatOps.sln not found above {AppContext.BaseDirectory} or {projectDir}.");
    }
}
