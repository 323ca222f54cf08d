using System.Runtime.CompilerServices;

namespace ChatOps.Core.Tests.Support;

/// <summary>
/// Finds the repository root (the folder holding ChatOps.sln) by walking up from the test binaries; when they are
/// built outside the tree (<c>--artifacts-path</c>), from this source file's compile-time location instead.
/// </summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find(AppContext.BaseDirectory) ?? Find(SourceDirectory()) ?? throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);

    private static string? Find(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ChatOps.sln"))) dir = dir.Parent;
        return dir?.FullName;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path) ?? ".";
}
