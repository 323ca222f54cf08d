using System.ComponentModel.DataAnnotations;

namespace ChatOps.Stores.Redis;

/// <summary>Where the shared store lives (bound from <c>Store:Redis</c>).</summary>
public sealed class RedisStoreOptions
{
    public const string Section = "Store:Redis";

    /// <summary>A StackExchange.Redis connection string, e.g. <c>localhost:6379</c> or <c>redis1:6379,password=...</c>.</summary>
    [Required]
    public string Configuration { get; set; } = "localhost:6379";

    /// <summary>
    /// Put before every key, so several deployments (or test runs) can share one Redis. Every replica of one
    /// deployment must use the same prefix.
    /// </summary>
    [Required]
    public string KeyPrefix { get; set; } = "chatops:";
}
