using ChatOps.Bot.Delivery;
using ChatOps.Stores.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>
/// With the embedded store, deletes delivered outbox messages, finished inbound requests and expired claims once they
/// are older than <see cref="SqliteStoreOptions.KeepDelivered"/>: at start and then hourly, in small writes. (Redis needs
/// no sweep: its scripts delete a message when it is delivered, and claims and dedupe keys carry a TTL.)
/// </summary>
internal sealed partial class SqliteRetentionSweeper(
    IServiceProvider services,
    IOptions<StoreOptions> store,
    IOptions<SqliteStoreOptions> sqlite,
    IOptions<DeliveryOptions> delivery,
    TimeProvider clock,
    ILogger<SqliteRetentionSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Rows per table per write: small enough that commands queued behind the sweep barely notice.</summary>
    internal const int RowsPerWrite = 2000;

    /// <summary>One sweep; returns how many rows were deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var db = services.GetRequiredService<SqliteStore>();
        var now = clock.GetUtcNow();
        var before = now - sqlite.Value.KeepDelivered;
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.PruneAsync(now, before, RowsPerWrite, ct);
            total += deleted;
        }
        while (deleted > 0 && !ct.IsCancellationRequested);
        if (total > 0) LogSwept(total, before);
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deterministic tests turn background work off and call SweepAsync themselves.
        if (store.Value.UsesRedis || !delivery.Value.RunInBackground) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(ex);
            }
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Retention: deleted {Rows} delivered, finished or expired rows older than {Before}")]
    private partial void LogSwept(int rows, DateTimeOffset before);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Retention sweep failed; it runs again in an hour")]
    private partial void LogSweepFailed(Exception ex);
}
