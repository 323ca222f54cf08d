using ChatOps.Adapters.Slack.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

public sealed class SlackStartupTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSlackAdapter(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task EnabledWithoutSigningSecret_RefusesToStart_NamingTheSetting()
    {
        using var host = Build(new() { ["Slack:Enabled"] = "true", ["Slack:BotToken"] = "xoxb-1", ["Slack:AllowedTeamIds:0"] = "T1" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Slack__SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnabledWithoutAllowedWorkspace_RefusesToStart()
    {
        using var host = Build(new() { ["Slack:Enabled"] = "true", ["Slack:SigningSecret"] = "s", ["Slack:BotToken"] = "xoxb-1" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AllowedTeamIds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_StartsWithoutSecrets_AndRegistersNoEndpointServices()
    {
        using var host = Build(new() { ["Slack:Enabled"] = "false" });

        await host.StartAsync();

        Assert.Null(host.Services.GetService<ChatOps.Adapters.Slack.Delivery.SlackMessageSender>());
        await host.StopAsync();
    }

    [Fact]
    public async Task RepositoryAppSettings_BindAndLeaveSlackOff()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddJsonFile(Path.Combine(Fixtures.RepoPaths.Root, "appsettings.json"));
        builder.Services.AddSlackAdapter(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal(new Uri("https://slack.com/api/"), options.ApiBaseUrl);
        await host.StopAsync();
    }

    [Fact]
    public async Task SecondarySecretAlone_IsEnoughDuringRotation()
    {
        using var host = Build(new() { ["Slack:Enabled"] = "true", ["Slack:SecondarySigningSecret"] = "s", ["Slack:BotToken"] = "xoxb-1", ["Slack:AllowedTeamIds:0"] = "T1" });

        var options = host.Services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal("s", options.SecondarySigningSecret);
        Assert.NotNull(host.Services.GetRequiredService<ChatOps.Adapters.Slack.Signing.SlackSignatureVerifier>());
    }
}
