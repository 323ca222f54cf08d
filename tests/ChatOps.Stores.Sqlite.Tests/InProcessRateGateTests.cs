using ChatOps.Core.Ports;
using ChatOps.Testing.StoreContract;

namespace ChatOps.Stores.Sqlite.Tests;

/// <summary>
/// The rate gate a SQLite deployment uses (one process, so the gate is in memory); both "replicas" of the contract
/// are the one instance, as every caller in that process shares it.
/// </summary>
public sealed class InProcessRateGateTests() : RateGateContract(OneProcess())
{
    private static Func<IRateGate> OneProcess()
    {
        var gate = new InProcessRateGate();
        return () => gate;
    }
}
