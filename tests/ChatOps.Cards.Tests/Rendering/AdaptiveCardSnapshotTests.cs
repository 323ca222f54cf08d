using ChatOps.Cards.Rendering;
using ChatOps.Cards.Tests.Fixtures;

namespace ChatOps.Cards.Tests.Rendering;

/// <summary>
/// Each card's JSON must equal its approved file in Snapshots/. After an intended change, run the tests with
/// UPDATE_SNAPSHOTS=1, review the diff of the approved files and commit them.
/// </summary>
public sealed class AdaptiveCardSnapshotTests
{
    public static TheoryData<string> Names() => [.. CardMatrix.Snapshots().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Card_MatchesItsApprovedSnapshot(string name)
    {
        var view = CardMatrix.Snapshots().Single(s => s.Name == name).View;
        var actual = CardJson.Format(AdaptiveCardRenderer.Render(view));
        var path = Path.Combine(RepoPaths.Snapshots, name + ".json");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(RepoPaths.Snapshots);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No approved snapshot {path}: run the tests with UPDATE_SNAPSHOTS=1, review and commit it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void EveryApprovedSnapshot_BelongsToACard()
    {
        var known = CardMatrix.Snapshots().Select(s => s.Name + ".json").ToHashSet();

        var stale = Directory.GetFiles(RepoPaths.Snapshots, "*.json").Select(Path.GetFileName).Where(f => !known.Contains(f!));

        Assert.Empty(stale);
    }
}
