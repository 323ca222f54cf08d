using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Delivery;

/// <summary>Configuration section <c>Delivery</c>: how the outbox and timer pumps poll, lease and back off.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Fallback poll when no in-process wake-up arrives (another process may have written).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed outbox entry or timer stays ours before another process may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How many channels of one claimed batch are worked on at the same time, each in order: outbox messages delivered,
    /// and inbound chat requests handled.
    /// </summary>
    [Range(1, 64)]
    public int ChannelsInParallel { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False runs the pumps only when someone calls <c>RunOnceAsync</c> (deterministic tests).</summary>
    public bool RunInBackground { get; set; } = true;
}
