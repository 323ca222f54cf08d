namespace ChatOps.Bot.Delivery;

/// <summary>The lease owner this process claims outbox entries and timers under; unique per process start.</summary>
internal sealed class PumpIdentity
{
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
