using System.ComponentModel.DataAnnotations;

namespace ChatOps.Stores.Sqlite.Tests;

public sealed class SqliteStoreOptionsTests
{
    [Fact]
    public void Defaults_AreAFileUnderDataWithFullSync()
    {
        var options = new SqliteStoreOptions();

        Assert.Equal("data/chatops.db", options.Path);
        Assert.Equal("FULL", options.Synchronous);
        Assert.True(IsValid(options));
    }

    [Theory]
    [InlineData("NORMAL", true)]
    [InlineData("full", true)]
    [InlineData("OFF", false)]
    [InlineData("FULL; PRAGMA x", false)]
    public void Synchronous_OnlyNormalOrFull_PassValidation(string synchronous, bool valid)
    {
        Assert.Equal(valid, IsValid(new SqliteStoreOptions { Synchronous = synchronous }));
    }

    [Fact]
    public void Path_Empty_FailsValidation()
    {
        Assert.False(IsValid(new SqliteStoreOptions { Path = "" }));
    }

    private static bool IsValid(SqliteStoreOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);
}
