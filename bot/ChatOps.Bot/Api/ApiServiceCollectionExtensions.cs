namespace ChatOps.Bot.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The HTTP API: API keys (section <c>Api</c>), health check and the OpenAPI document.</summary>
    public static IServiceCollection AddChatOpsApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<ApiKeyGate>();
        services.AddHostedService<ApiKeyStartupCheck>();
        services.AddSingleton<ChatCommands>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi();
        return services;
    }

    public static IApplicationBuilder UseChatOpsApiKeys(this IApplicationBuilder app) => app.UseMiddleware<ApiKeyMiddleware>();

    /// <summary>Maps /api/*, /healthz and /openapi/v1.json.</summary>
    public static IEndpointRouteBuilder MapChatOpsApi(this IEndpointRouteBuilder app)
    {
        app.MapCommandEndpoints();
        app.MapIncidentEndpoints();
        app.MapAvailabilityEndpoint();
        app.MapHealthEndpoint();
        app.MapOpenApi();
        return app;
    }
}
