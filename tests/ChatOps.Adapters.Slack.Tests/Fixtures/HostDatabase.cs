namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>A SQLite file of its own for <see cref="RealSlackHost"/>s (one, or several in turn as restarts), deleted with its WAL after the test.</summary>
internal sealed class HostDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatops-slack-host", $"{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}
