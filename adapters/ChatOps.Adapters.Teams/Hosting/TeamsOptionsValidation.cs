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
        if (!options.DisableAuthentication && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Teams:AppPassword is required to send messages (client secret of the app registration).");
        }
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _)) failures.Add("Teams:OpenIdMetadataUrl must be an absolute URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
