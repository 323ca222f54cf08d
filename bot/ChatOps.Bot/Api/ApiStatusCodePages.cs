namespace ChatOps.Bot.Api;

/// <summary>Gives framework-level refusals under /api (unknown route, wrong method or content type) our JSON error shape.</summary>
internal static class ApiStatusCodePages
{
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api")) return;
            var status = http.Response.StatusCode;
            var error = status switch
            {
                StatusCodes.Status404NotFound => $"There is no API route {http.Request.Method} {http.Request.Path}; /openapi/v1.json lists them.",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
                _ => $"The request failed with status {status}.",
            };
            await ApiResults.Error(status, error).ExecuteAsync(http);
        });
}
