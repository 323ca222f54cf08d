namespace ChatOps.Bot.Api;

/// <summary>Every API body is written with <see cref="ApiJson.Options"/>: one JSON shape for all surfaces.</summary>
internal static class ApiResults
{
    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, ApiJson.Options, statusCode: statusCode);

    public static IResult Error(int statusCode, string error) => Json(new ErrorResponse(false, error), statusCode);
}
