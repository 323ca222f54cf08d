namespace ChatOps.Testing.StoreContract;

/// <summary>
/// How one store implementation is opened for a contract test, and cleaned up after it. A store's test project
/// writes one host and then one line per contract class.
/// </summary>
public interface IStoreHost
{
    /// <summary>Opens the store on this test's durable state; opening again after a dispose is a restart.</summary>
    Task<IStoreUnderTest> OpenAsync(TimeProvider clock);

    /// <summary>Removes this test's durable state; runs after every opened store is disposed.</summary>
    Task DeleteStateAsync();
}
