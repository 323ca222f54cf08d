using System.ComponentModel.DataAnnotations;

namespace ChatOps.Stores.Sqlite;

/// <summary>Where the embedded store keeps its file and how hard it syncs (bound from <c>Store:Sqlite</c>).</summary>
public sealed class SqliteStoreOptions
{
    public const string Section = "Store:Sqlite";

    /// <summary>The database file; its directory is created when missing. Relative paths resolve against the working directory.</summary>
    [Required]
    public string Path { get; set; } = "data/chatops.db";

    /// <summary>
    /// <c>FULL</c> syncs the WAL on every commit (an answered command survives power loss); <c>NORMAL</c> survives a
    /// process crash but may lose the last commits on power loss.
    /// </summary>
    [Required]
    [RegularExpression("(?i)^(NORMAL|FULL)$", ErrorMessage = "Store:Sqlite:Synchronous must be NORMAL or FULL.")]
    public string Synchronous { get; set; } = "FULL";

    /// <summary>
    /// How long delivered outbox messages and finished inbound requests stay in the file (to inspect what was sent)
    /// before the hourly sweep deletes them; without it the file grows with every message.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan KeepDelivered { get; set; } = TimeSpan.FromDays(7);
}
