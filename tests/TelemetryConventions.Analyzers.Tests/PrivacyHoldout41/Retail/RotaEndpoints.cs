using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Retail;

public sealed record ShiftSwapRequest(string ShiftId, string FromColleague, string ToColleague, string StoreNumber, string? Message);

public sealed record HolidayRequest(string RequestId, string ColleagueNumber, DateOnly From, DateOnly To, string ColleagueEmail);

public sealed record RotaWeek(string StoreNumber, DateOnly WeekCommencing, IReadOnlyList<RotaShift> Shifts);

public sealed record RotaShift(string ShiftId, string ColleagueNumber, string Role, DateTimeOffset Start, DateTimeOffset End);

public interface IRotaStore
{
    Task<RotaWeek> WeekAsync(string storeNumber, DateOnly weekCommencing, CancellationToken cancellationToken);

    Task<bool> TrySwapAsync(ShiftSwapRequest request, CancellationToken cancellationToken);

    Task<int> HolidayDaysLeftAsync(string colleagueNumber, CancellationToken cancellationToken);
}

/// <summary>The store colleague app's rota endpoints: publishing the week, swapping shifts, booking holiday.</summary>
public static class RotaEndpoints
{
    private static readonly ActivitySource Source = new("Stores.Rota");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/stores/{store}/rota/{week}/publish", PublishAsync);
        routes.MapPost("/shifts/{shiftId}/swap", SwapAsync);
        routes.MapPost("/holiday", BookHolidayAsync);
    }

    private static async Task<ActionResult> PublishAsync(string store, DateOnly week, IRotaStore rota, ILogger<RotaWeek> logger, CancellationToken cancellationToken)
    {
        var rotaWeek = await rota.WeekAsync(store, week, cancellationToken);
        var activity = Activity.Current;
        activity?.SetTag("rota.store", store); // clean precision-names
        activity?.SetTag("rota.shifts", rotaWeek.Shifts.Count); // clean precision-about
        activity?.SetTag("rota.hours", rotaWeek.Shifts.Sum(s => (s.End - s.Start).TotalHours)); // clean precision-about
        logger.LogInformation("Rota published {@Roles}", rotaWeek.Shifts.GroupBy(s => s.Role).Select(g => new { Role = g.Key, Shifts = g.Count() })); // clean logging-objects
        logger.LogDebug("Rota published {@Rota}", rotaWeek); // leak TC1001 logging-objects
        var uncovered = rotaWeek.Shifts.Where(s => string.IsNullOrEmpty(s.ColleagueNumber)).Select(s => s.ShiftId).ToList();
        logger.LogWarning("Uncovered shifts: {Shifts}", string.Join(",", uncovered)); // clean precision-names
        return new OkResult(rotaWeek.Shifts.Count);
    }

    private static async Task<ActionResult> SwapAsync(string shiftId, ShiftSwapRequest request, IRotaStore rota, ILogger<RotaWeek> logger, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("rota.shift_id", shiftId); // clean precision-names
        activity?.SetTag("rota.swap.from", request.FromColleague); // leak TC1001 direct
        activity?.SetTag("rota.swap.to", request.ToColleague); // leak TC1001 direct
        activity?.SetTag("rota.swap.message_length", request.Message?.Length ?? 0); // clean precision-about

        if (!await rota.TrySwapAsync(request, cancellationToken))
        {
            var reason = $"swap {request.FromColleague}->{request.ToColleague} refused: overlapping shift";
            activity?.AddEvent(new ActivityEvent("rota.swap.refused", tags: new ActivityTagsCollection { ["reason"] = reason })); // leak TC1001 strings
            return new BadRequestResult("The colleague already works then.");
        }

        logger.LogInformation("Swap agreed with message {Message}", request.Message); // leak TC1001 direct
        return new OkResult(null);
    }

    private static async Task<ActionResult> BookHolidayAsync(HolidayRequest request, IRotaStore rota, Pseudonymizer pseudonymizer, ILogger<HolidayRequest> logger, CancellationToken cancellationToken)
    {
        var daysLeft = await rota.HolidayDaysLeftAsync(request.ColleagueNumber, cancellationToken);
        var days = request.To.DayNumber - request.From.DayNumber + 1;
        using var approval = Source.StartWorkforceApproval(pseudonymizer.PseudonymizeWorkforceEmployeeId(request.ColleagueNumber));
        approval.SetWorkforceOutcome(days <= daysLeft ? "auto-approved" : "needs-manager"); // clean precision-names
        approval.SetWorkforceNote($"{days} days requested, {daysLeft} left"); // clean generated-api
        if (days > daysLeft)
        {
            approval.SetWorkforceNote($"over allowance; manager to contact {request.ColleagueEmail}"); // leak TC1001 generated-api
            logger.LogInformation("Holiday {Request}", request); // leak TC1001 logging-objects
        }
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = request.RequestId, ["Days"] = days })) // clean logging-objects
        {
            logger.LogInformation("Holiday request recorded");
        }
        return new OkResult(days);
    }
}
