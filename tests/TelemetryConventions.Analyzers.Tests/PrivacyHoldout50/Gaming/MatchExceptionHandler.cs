using System;
using System.Diagnostics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;

namespace PrivacyHoldout50.Gaming;

public sealed class PlayerBannedException(string gamertag, DateTimeOffset until)
    : Exception($"Player {gamertag} is banned until {until:u}.")
{
    public DateTimeOffset Until { get; } = until;
}

public sealed class MatchFullException(string matchId, int capacity)
    : Exception($"Match {matchId} is full ({capacity} players).")
{
    public string MatchId { get; } = matchId;
}

public interface IMatchService
{
    /// <summary>Throws <see cref="PlayerBannedException"/> for a banned player and <see cref="MatchFullException"/> for a full lobby.</summary>
    Task<string> JoinAsync(string matchId, ClaimsPrincipal player, CancellationToken cancellationToken);
}

public static class MatchEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/matches/{matchId}/join", async (string matchId, ClaimsPrincipal user, IMatchService matches, ILogger<IMatchService> logger, CancellationToken ct) =>
        {
            var seat = await matches.JoinAsync(matchId, user, ct);
            logger.LogInformation("{Gamertag} took seat {Seat} in match {MatchId}", user.FindFirst("gamertag")?.Value, seat, matchId); // leak TC1001 direct
            return Results.Ok(new { seat });
        });
}

/// <summary>The player API's exception handler; every endpoint of the API throws to it.</summary>
public sealed class GameExceptionHandler(ILogger<GameExceptionHandler> logger, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        switch (exception)
        {
            case PlayerBannedException banned:
                activity?.AddException(banned); // leak TC1001 exceptions
                logger.LogInformation("Banned player turned away until {Until:u}", banned.Until); // clean precision-about
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Banned", Detail = banned.Message, Type = "urn:game:problem:banned" },
                    Exception = banned,
                });
                return true;

            case MatchFullException full:
                activity?.AddException(full); // clean exceptions
                logger.LogInformation(full, "Lobby {MatchId} full", full.MatchId); // clean exceptions
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Match full", Detail = full.Message, Type = "urn:game:problem:match-full" },
                    Exception = full,
                });
                return true;

            default:
                logger.LogError(exception, "Unhandled {ExceptionType} on {Path}", exception.GetType().Name, httpContext.Request.Path); // leak TC1001 strings
                return false;
        }
    }
}

public static class GameProblemDetailsSetup
{
    public static void Configure(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
        {
            var gamertag = context.HttpContext.User.FindFirst("gamertag")?.Value;
            context.ProblemDetails.Extensions["gamertag"] = gamertag; // clean direct
            context.ProblemDetails.Extensions["supportCode"] = context.HttpContext.TraceIdentifier;
            Activity.Current?.AddApiProblemWrittenEvent(context.ProblemDetails.Type ?? "about:blank", apiProblemNote: context.ProblemDetails.Detail); // leak TC1001 generated-api
            Activity.Current?.SetTag("problem.title", context.ProblemDetails.Title); // clean precision-names
        };
}
