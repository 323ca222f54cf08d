using ChatOps.Adapters.Teams.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Tests.Credentials;

/// <summary>The host starts only with exactly one usable outbound credential: the secret or a readable certificate.</summary>
public sealed class CredentialValidationTests : IDisposable
{
    private readonly TestCertificate _certificate = new();

    [Fact]
    public async Task SecretAndCertificate_Both_RefuseToStart()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBot.StartAsync(new()
        {
            ["Teams:CertificatePath"] = _certificate.PfxPath,
            ["Teams:CertificatePassword"] = TestCertificate.Password,
        }));
        Assert.Contains("not both", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherSecretNorCertificate_RefusesToStart()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBot.StartAsync(new() { ["Teams:AppPassword"] = "" }));
        Assert.Contains("Teams:CertificatePath", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateOnly_Starts()
    {
        await using var bot = await TeamsBot.StartAsync(new()
        {
            ["Teams:AppPassword"] = "",
            ["Teams:CertificatePath"] = _certificate.PfxPath,
            ["Teams:CertificatePassword"] = TestCertificate.Password,
        });

        var response = await bot.PostAsync(TeamsActivities.ChannelMessage("help"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MissingCertificateFile_RefusesToStartNamingThePath()
    {
        var missing = Path.Combine(_certificate.Folder, "absent.pfx");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBot.StartAsync(new()
        {
            ["Teams:AppPassword"] = "",
            ["Teams:CertificatePath"] = missing,
        }));

        Assert.Contains($"'{missing}' does not exist", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCertificatePassword_RefusesToStartAsUnreadable()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBot.StartAsync(new()
        {
            ["Teams:AppPassword"] = "",
            ["Teams:CertificatePath"] = _certificate.PfxPath,
            ["Teams:CertificatePassword"] = "wrong",
        }));

        Assert.Contains("could not be read", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotACertificate_RefusesToStartAsUnreadable()
    {
        var garbage = Path.Combine(_certificate.Folder, "garbage.pfx");
        await File.WriteAllTextAsync(garbage, "this is not a certificate");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBot.StartAsync(new()
        {
            ["Teams:AppPassword"] = "",
            ["Teams:CertificatePath"] = garbage,
        }));

        Assert.Contains("could not be read", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _certificate.Dispose();
}
