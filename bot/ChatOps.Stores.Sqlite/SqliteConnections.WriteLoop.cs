using Microsoft.Data.Sqlite;

namespace ChatOps.Stores.Sqlite;

/// <summary>The group-commit loop: drain what is queued, run it in one transaction, answer everyone after COMMIT.</summary>
internal sealed partial class SqliteConnections
{
    private async Task WriteLoopAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                if (!write.CancelIfRequested()) batch.Add(write);
            }
            if (batch.Count == 0) continue;
            WriteBatch(_writer!, batch);
            CountWrites(batch.Count);
            batch.Clear();
        }
    }

    private static void WriteBatch(StoreConnection writer, List<IWrite> batch)
    {
        try
        {
            // A transaction left open by a failed ROLLBACK would make every later BEGIN fail; clear it first.
            if (writer.InTransaction) writer.Execute("ROLLBACK");
            writer.Execute("BEGIN IMMEDIATE");
            foreach (var write in batch) write.Run(writer);
            writer.Execute("COMMIT");
        }
        catch (Exception error)
        {
            foreach (var write in batch) write.Fail(error);
            RollBackQuietly(writer);
            return;
        }
        foreach (var write in batch) write.Complete();
    }

    /// <summary>The batch already failed with the real error; a failing ROLLBACK is retried before the next batch.</summary>
    private static void RollBackQuietly(StoreConnection writer)
    {
        try
        {
            if (writer.InTransaction) writer.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // Reported through the batch's own error; WriteBatch rolls back again before the next BEGIN.
        }
    }
}
