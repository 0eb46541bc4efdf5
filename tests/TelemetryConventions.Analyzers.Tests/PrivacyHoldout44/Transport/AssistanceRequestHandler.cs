using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Support;

namespace PrivacyHoldout44.Transport;

/// <summary>Raised by the PNR change feed when SSR elements are added to or removed from a booking.</summary>
public sealed record SpecialServiceRequestsChanged(string RecordLocator, FlightSegment Segment, PnrPassenger Passenger) : INotification;

/// <summary>A job for the airport's assistance contractor: who to meet, where and with what.</summary>
public sealed record AssistanceJob(string JobId, string RecordLocator, string Flight, string PassengerName, string Code, string? Instructions);

public interface IAssistanceContractor
{
    Task<string> CreateJobAsync(AssistanceJob job, CancellationToken cancellationToken);
}

internal static class AssistanceTelemetry
{
    private static readonly HashSet<string> MobilityCodes = new(StringComparer.Ordinal) { "WCHR", "WCHS", "WCHC", "MAAS", "BLND", "DEAF", "DPNA" };

    private static readonly HashSet<string> MealCodes = new(StringComparer.Ordinal) { "VGML", "VLML", "KSML", "MOML", "GFML", "DBML", "CHML" };

    public static void TagRequestCodes(Activity? activity, IReadOnlyList<SpecialServiceRequest> ssrs)
    {
        activity?.SetTag("ssr.mobility", string.Join(',', ssrs.Select(s => s.Code).Where(MobilityCodes.Contains)));
        activity?.SetTag("ssr.meal", ssrs.Select(s => s.Code).FirstOrDefault(MealCodes.Contains));
        activity?.SetTag("ssr.count", ssrs.Count);
    }

    public static void TagPassengerName(Activity? activity, string passengerName)
    {
        activity?.SetTag("assistance.passenger_name", passengerName); // leak TC1001 direct
    }
}

public sealed class AssistanceRequestHandler(
    IAssistanceContractor contractor,
    ILogger<AssistanceRequestHandler> logger) : INotificationHandler<SpecialServiceRequestsChanged>
{
    public async Task Handle(SpecialServiceRequestsChanged notification, CancellationToken cancellationToken)
    {
        var passenger = notification.Passenger;
        var activity = Activity.Current;
        AssistanceTelemetry.TagRequestCodes(activity, passenger.Ssrs); // clean precision-about
        activity?.SetTag("assistance.flight", notification.Segment.Designator);
        activity?.SetTag("assistance.passenger_type", passenger.PassengerType); // clean precision-names

        foreach (var ssr in passenger.Ssrs.Where(s => s.Code is "WCHR" or "WCHS" or "WCHC" or "BLND" or "DEAF" or "MAAS"))
        {
            var fullName = $"{passenger.GivenName} {passenger.Surname}";
            AssistanceTelemetry.TagPassengerName(activity, fullName); // leak TC1001 cross-member
            var job = new AssistanceJob(Guid.NewGuid().ToString("N"), notification.RecordLocator, notification.Segment.Designator, fullName, ssr.Code, ssr.FreeText);
            var contractorRef = await contractor.CreateJobAsync(job, cancellationToken);

            logger.LogInformation("Assistance job {ContractorRef} ({Code}) created for {RecordLocator} on {Flight}", contractorRef, ssr.Code, job.RecordLocator, job.Flight); // clean precision-about
            if (!string.IsNullOrWhiteSpace(ssr.FreeText))
            {
                logger.LogInformation("Instructions for the meeter: {Instructions}", ssr.FreeText); // leak TC1001 direct
                activity?.SetTag("assistance.instructions_length", ssr.FreeText.Length); // clean precision-about
            }

            logger.LogDebug("Assistance job sent {@Job}", job); // leak TC1001 logging-objects
        }
    }
}
