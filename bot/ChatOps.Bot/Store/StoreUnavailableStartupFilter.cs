using ChatOps.Bot.Api;
using ChatOps.Core.Ports;
using Microsoft.AspNetCore.Diagnostics;

namespace ChatOps.Bot.Store;

/// <summary>
/// Puts <see cref="StoreUnavailableMiddleware"/> first in the pipeline, so every endpoint answers a store outage the
/// same way without each one catching it. In Development the developer exception page sits inside it and would turn
/// the outage into a 500 page, so <see cref="StoreUnavailableDeveloperPageFilter"/> answers there the same way.
/// </summary>
internal sealed class StoreUnavailableStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<StoreUnavailableMiddleware>();
        next(app);
    };
}

/// <summary>
/// A store outage (Redis down or restarting) becomes HTTP 503 "store unavailable, try again" with <c>Retry-After</c>.
/// The commit is one atomic script, so nothing half-written remains, and repeating the command is safe.
/// </summary>
internal sealed partial class StoreUnavailableMiddleware(RequestDelegate next, ILogger<StoreUnavailableMiddleware> logger)
{
    public const string Message = "The incident store is unavailable right now (store unavailable, try again): nothing was half-written; send the command again in a moment.";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (StoreUnavailableException ex) when (!context.Response.HasStarted)
        {
            LogUnavailable(ex, context.Request.Path);
            await WriteAsync(context);
        }
    }

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        await context.Response.WriteAsJsonAsync(new { ok = false, error = Message }, ApiJson.Options);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The store is unavailable; answered {Path} with 503")]
    private partial void LogUnavailable(Exception ex, string path);
}

/// <summary>The same 503 answer when the developer exception page catches the outage first (Development).</summary>
internal sealed class StoreUnavailableDeveloperPageFilter : IDeveloperPageExceptionFilter
{
    public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next) =>
        errorContext.Exception is StoreUnavailableException && !errorContext.HttpContext.Response.HasStarted
            ? StoreUnavailableMiddleware.WriteAsync(errorContext.HttpContext)
            : next(errorContext);
}
