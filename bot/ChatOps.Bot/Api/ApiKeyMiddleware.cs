namespace ChatOps.Bot.Api;

/// <summary>Guards every <c>/api</c> path with <see cref="ApiKeyGate"/>.</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyGate gate)
{
    /// <summary>Chat platforms' endpoints that authenticate their caller themselves (Teams: Bot Framework tokens).</summary>
    private static readonly PathString[] SelfAuthenticated = ["/api/messages"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!gate.Required || !context.Request.Path.StartsWithSegments("/api") || Array.Exists(SelfAuthenticated, p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }
        if (!gate.HasKeys)
        {
            await ApiResults.Error(StatusCodes.Status503ServiceUnavailable,
                "The API is locked: no API keys are configured. Set Api:Keys (or Api__Keys__0) and restart.").ExecuteAsync(context);
            return;
        }
        if (!gate.Accepts(ApiKeyGate.PresentedKey(context.Request)))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ApiResults.Error(StatusCodes.Status401Unauthorized,
                "A valid API key is required: send it as the X-Api-Key header or as Authorization: Bearer <key>.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
