using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Transport;

public sealed record DelayRepayRequest(string JourneyId, string CardNumber, int DelayMinutes, string? Description);

public sealed class RefundEndpointsLog;

public static class RefundEndpoints
{
    // The journeys API registers no exception handler: an exception that escapes an endpoint (or the
    // handler it sends a request to) is logged with its message by the host's exception middleware.
    public static void MapRefundEndpoints(this IEndpointRouteBuilder app)
    {
        var riders = app.MapGroup("/api/riders/{riderId:guid}").WithTags("Riders");
        riders.MapPost("/delay-repay", SubmitAsync);
        riders.MapGet("/journeys", HistoryAsync);
        app.MapGet("/api/routes/{routeId}/departures", DeparturesAsync);
    }

    private static async Task<IResult> SubmitAsync(Guid riderId, DelayRepayRequest request, ISender sender, Pseudonymizer pseudonymizer, ILogger<RefundEndpointsLog> logger, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag(JourneysAttributes.RiderId, pseudonymizer.ComputeJourneysRiderId(riderId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(JourneysAttributes.JourneyId, request.JourneyId); // clean direct
        logger.LogInformation("Delay repay claim for card ending {CardLast4}, {DelayMinutes} minutes late", request.CardNumber[^4..], request.DelayMinutes); // clean precision-about

        var result = await sender.Send(new SubmitDelayRepayCommand(riderId, request.JourneyId, request.CardNumber, request.DelayMinutes, request.Description), cancellationToken);
        if (result.IsInvalid)
        {
            var problem = new ProblemDetails { Title = "Claim not valid", Status = 400, Detail = string.Join(" ", result.ValidationErrors.Select(e => e.Description)) };
            problem.Extensions["cardNumber"] = request.CardNumber; // clean direct
            logger.LogInformation("Returning problem {Title} ({Status})", problem.Title, problem.Status); // clean precision-names
            return Results.Problem(problem);
        }

        if (!result.IsSuccess)
        {
            logger.LogWarning("Claim by rider {RiderId} refused: {Reason}", riderId, result.Error.Description); // leak TC1001 direct
            return Results.Conflict(new ProblemDetails { Title = result.Error.Code, Detail = result.Error.Description });
        }

        return Results.Ok(result.Value);
    }

    private static async Task<IResult> HistoryAsync(Guid riderId, int? page, int? pageSize, string? sortBy, DateOnly? from, DateOnly? to, ISender sender, HttpContext httpContext, ILogger<RefundEndpointsLog> logger, CancellationToken cancellationToken)
    {
        logger.LogDebug("History request {Path}{Query}", httpContext.Request.Path, httpContext.Request.QueryString); // leak TC1001 strings
        Activity.Current?.SetTag("http.route", "/api/riders/{riderId:guid}/journeys"); // clean precision-names
        Activity.Current?.SetTag("history.page_size", pageSize ?? 20); // clean precision-about
        var history = await sender.Send(new JourneyHistoryQuery(riderId, from, to, page ?? 1, pageSize ?? 20, sortBy ?? "startedAt"), cancellationToken);
        return Results.Ok(history);
    }

    private static async Task<IResult> DeparturesAsync(string routeId, string stopId, ISender sender, ILogger<RefundEndpointsLog> logger, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("departures.board", $"{routeId}@{stopId}"); // clean strings
        var departures = await sender.Send(new DeparturesQuery(routeId, stopId, DateTimeOffset.UtcNow), cancellationToken);
        logger.LogInformation("{Count} departures from {StopId} on {RouteId}", departures.Count, stopId, routeId);
        return Results.Ok(departures);
    }
}
