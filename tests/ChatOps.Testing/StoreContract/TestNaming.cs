using System.Diagnostics.CodeAnalysis;

// The contract's [Fact]s are public methods of a library, but they are test names: Subject_Condition_Outcome.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores",
    Justification = "Test names follow Subject_Condition_Outcome.", Scope = "namespaceanddescendants", Target = "~N:ChatOps.Testing.StoreContract")]
