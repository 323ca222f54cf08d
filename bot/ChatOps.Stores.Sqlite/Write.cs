namespace ChatOps.Stores.Sqlite;

/// <summary>One queued write of a group-commit batch.</summary>
internal interface IWrite
{
    /// <summary>True (and the caller is told) when the caller gave up before the write started.</summary>
    bool CancelIfRequested();

    /// <summary>Runs inside the batch's transaction, in its own savepoint; throws only when the whole transaction is lost.</summary>
    void Run(StoreConnection writer);

    void Complete();

    void Fail(Exception error);
}

internal sealed class Write<T>(Func<StoreConnection, (T Result, bool Keep)> work, CancellationToken ct) : IWrite
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _error;

    public Task<T> Task => _done.Task;

    public bool CancelIfRequested() => ct.IsCancellationRequested && _done.TrySetCanceled(ct);

    public void Run(StoreConnection writer)
    {
        writer.Execute("SAVEPOINT write");
        try
        {
            var (result, keep) = work(writer);
            if (!keep) writer.Execute("ROLLBACK TO write");
            writer.Execute("RELEASE write");
            _result = result;
        }
        catch (Exception error) when (writer.InTransaction)
        {
            // Only this write failed (a constraint, a bad value): undo it and let the rest of the batch commit.
            writer.Execute("ROLLBACK TO write");
            writer.Execute("RELEASE write");
            _error = error;
        }
    }

    public void Complete()
    {
        if (_error is not null) _done.TrySetException(_error);
        else _done.TrySetResult(_result!);
    }

    public void Fail(Exception error) => _done.TrySetException(error);
}
