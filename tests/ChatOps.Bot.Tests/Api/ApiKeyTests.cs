using System.Net;
using System.Net.Http.Headers;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Api;

public sealed class ApiKeyTests
{
    private static readonly Dictionary<string, string> OneKey = new() { ["Api:Keys:0"] = "s3cret-key", ["Api:Keys:1"] = "other-key" };

    [Fact]
    public async Task Production_WithoutKey_Returns401()
    {
        await using var host = await TestHost.StartAsync("Production", settings: OneKey);

        var response = await host.Client.GetAsync("/api/incidents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("API key", (await response.ReadObjectAsync())["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithWrongKey_Returns401AndRunsNothing()
    {
        await using var host = await TestHost.StartAsync("Production", settings: OneKey);
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret-kez");

        var response = await host.CommandAsync("incident declare Should not happen");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        host.Client.DefaultRequestHeaders.Remove("X-Api-Key");
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "other-key");
        Assert.Empty(await (await host.Client.GetAsync("/api/incidents")).ReadArrayAsync());
    }

    [Fact]
    public async Task Production_WithKeyHeader_IsServed()
    {
        await using var host = await TestHost.StartAsync("Production", settings: OneKey);
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret-key");

        var response = await host.CommandAsync("incident declare Checkout is failing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Production_WithBearerKey_IsServed()
    {
        await using var host = await TestHost.StartAsync("Production", settings: OneKey);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "other-key");

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task Production_WithNoKeysConfigured_RefusesEveryApiCall()
    {
        await using var host = await TestHost.StartAsync("Production");
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "anything");

        var response = await host.CommandAsync("incident declare Checkout is failing");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Api:Keys", (await response.ReadObjectAsync())["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_HealthAndStatusPage_NeedNoKey()
    {
        await using var host = await TestHost.StartAsync("Production", settings: OneKey);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Development_NeedsNoKey()
    {
        await using var host = await TestHost.StartAsync("Development");

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task UnknownStoreProvider_FailsAtStartWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestHost.StartAsync(settings: new Dictionary<string, string> { ["Store:Provider"] = "Cassandra" }));

        Assert.Contains("Store:Provider 'Cassandra' is not supported", error.Message, StringComparison.Ordinal);
    }
}
