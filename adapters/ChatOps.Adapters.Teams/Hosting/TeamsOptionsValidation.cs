using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Hosting;

/// <summary>
/// Refuses to start a Teams adapter that would accept forged activities: without an app id, or with
/// authentication switched off anywhere but in the Development environment (PROTOCOLS.md D15).
/// </summary>
internal sealed class TeamsOptionsValidation(IHostEnvironment environment) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.DisableAuthentication && !environment.IsDevelopment())
        {
            failures.Add($"Teams:DisableAuthentication is for local testing only; it is refused in the '{environment.EnvironmentName}' environment.");
        }
        if (!options.DisableAuthentication && string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add("Teams:AppId is required (the Microsoft App ID of the Azure Bot).");
        }
        if (!options.DisableAuthentication) ValidateCredential(options, failures);
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _)) failures.Add("Teams:OpenIdMetadataUrl must be an absolute URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Exactly one way to get outbound tokens, and a certificate that can actually be used.</summary>
    private static void ValidateCredential(TeamsOptions options, List<string> failures)
    {
        var hasSecret = !string.IsNullOrWhiteSpace(options.AppPassword);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        if (hasSecret == hasCertificate)
        {
            failures.Add(hasSecret
                ? "Set either Teams:AppPassword or Teams:CertificatePath, not both: the bot would not know which credential to send."
                : "Teams:AppPassword (client secret) or Teams:CertificatePath (certificate) is required to send messages.");
            return;
        }
        if (!hasCertificate) return;
        using var certificate = BotCertificate.TryLoad(options.CertificatePath!, options.CertificatePassword, out var problem);
        if (problem is not null) failures.Add(problem);
    }
}
