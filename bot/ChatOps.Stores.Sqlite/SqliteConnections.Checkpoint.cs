using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ChatOps.Stores.Sqlite;

/// <summary>
/// Checkpoints run on their own connection. SQLite's automatic checkpoint would run inside the COMMIT of whichever
/// batch grows the WAL past its limit, copying and syncing megabytes while every queued writer waits; in WAL mode a
/// PASSIVE checkpoint can run beside the writer instead. The writer keeps a far higher automatic limit as a safety net.
/// </summary>
internal sealed partial class SqliteConnections
{
    private const int WritesPerCheckpoint = 250;
    private const int SafetyNetAutoCheckpointPages = 20_000;
    private readonly Channel<bool> _checkpointDue = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private StoreConnection? _checkpointer;
    private Task? _checkpointLoop;
    private int _writesSinceCheckpoint;

    private void StartCheckpoints()
    {
        _writer!.Execute($"PRAGMA wal_autocheckpoint={SafetyNetAutoCheckpointPages}");
        _checkpointer = Open();
        _checkpointLoop = Task.Run(CheckpointLoopAsync);
    }

    /// <summary>Called by the writer loop after each batch; asks for a checkpoint every so many writes (requests coalesce).</summary>
    private void CountWrites(int writes)
    {
        _writesSinceCheckpoint += writes;
        if (_writesSinceCheckpoint < WritesPerCheckpoint) return;
        _writesSinceCheckpoint = 0;
        _checkpointDue.Writer.TryWrite(true);
    }

    private async Task CheckpointLoopAsync()
    {
        while (await _checkpointDue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _checkpointDue.Reader.TryRead(out _);
            try
            {
                _checkpointer!.Execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            catch (SqliteException)
            {
                // A checkpoint that cannot run now (the safety-net checkpoint holds the lock) is simply retried next time.
            }
        }
    }

    private async ValueTask StopCheckpointsAsync()
    {
        _checkpointDue.Writer.TryComplete();
        if (_checkpointLoop is not null) await _checkpointLoop.ConfigureAwait(false);
        _checkpointer?.Dispose();
    }
}
