using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Transport;

// The demand-responsive minibus service: riders rate the trip and the driver after drop-off and can
// report a safety concern. Drivers are employees with a staff number. Low ratings and safety reports
// open a case for the operations safety team; a driver can be stood down pending review.

public sealed record TripRating(string TripId, Guid RiderId, string DriverStaffNumber, string VehicleFleetNumber, int Stars, IReadOnlyList<string> Tags, string? Comment);

public sealed record SafetyReport(Guid ReportId, string TripId, Guid RiderId, string RiderPhone, string DriverStaffNumber, string Category, string Account);

public sealed class DriverStandDownException(string staffNumber, string tripId)
    : Exception($"Driver {staffNumber} stood down after safety report on trip {tripId}");

public interface IDriverRoster
{
    Task StandDownAsync(string staffNumber, CancellationToken cancellationToken);

    Task<double> AverageRatingAsync(string staffNumber, CancellationToken cancellationToken);
}

public static class RideTelemetry
{
    /// <summary>Puts the rated driver on the span.</summary>
    public static Activity? WithDriver(this Activity? activity, string driverStaffNumber) =>
        activity?.SetTag("ride.driver", driverStaffNumber); // leak TC1001 direct
}

public sealed class TripRatingHandler(IDriverRoster roster, Pseudonymizer pseudonymizer, Meter meter, ILogger<TripRatingHandler> logger)
{
    private static readonly ActivitySource Source = new("Minibus.Ratings");
    private readonly Histogram<int> _stars = meter.CreateHistogram<int>("ride.rating.stars");

    public async Task HandleAsync(TripRating rating, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ride.rating").WithDriver(rating.DriverStaffNumber); // leak TC1001 cross-member
        activity?.SetTag("ride.trip.id", rating.TripId); // clean precision-about
        activity?.SetTag("ride.vehicle", rating.VehicleFleetNumber); // clean precision-about
        _stars.Record(rating.Stars, new KeyValuePair<string, object?>("driver", rating.DriverStaffNumber)); // leak TC1003 direct
        _stars.Record(rating.Stars, new KeyValuePair<string, object?>("tags", string.Join("|", rating.Tags.Order()))); // clean precision-about

        var average = await roster.AverageRatingAsync(rating.DriverStaffNumber, cancellationToken);
        activity?.SetTag("ride.driver.average_rating", average); // clean precision-names
        if (rating.Comment is { } comment)
        {
            activity?.AddEvent(new ActivityEvent("ride.rating.comment", tags: new ActivityTagsCollection { ["length"] = comment.Length })); // clean precision-about
            logger.LogInformation("Rider {RiderRef} left a comment: {Comment}", pseudonymizer.ComputeCommunityMemberId(rating.RiderId.ToString()), comment); // leak TC1001 direct
        }
    }
}

public sealed class SafetyReportHandler(IDriverRoster roster, Pseudonymizer pseudonymizer, Meter meter, ILogger<SafetyReportHandler> logger)
{
    private static readonly ActivitySource Source = new("Minibus.Safety");

    public async Task HandleAsync(SafetyReport report, CancellationToken cancellationToken)
    {
        using var review = Source.StartModerationReview("ride-safety");
        review.SetModerationCaseId(report.ReportId.ToString()); // clean precision-about
        review.SetModerationSubjectId(pseudonymizer.PseudonymizeModerationSubjectId(report.DriverStaffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("safety.reporter", report.RiderId); // leak TC1001 direct
        Activity.Current?.SetTag(ModerationAttributes.ReporterContact, report.RiderPhone); // leak TC1001 generated-api
        review.SetModerationNote(report.Account); // leak TC1001 generated-api

        try
        {
            await StandDownIfSeriousAsync(report, cancellationToken);
        }
        catch (DriverStandDownException ex)
        {
            review.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            review.AddModerationActionTakenEvent("stand-down", moderationNote: report.Category); // clean precision-about
        }

        meter.CreateModerationDecisionsCounter().Add(1, "ride-safety", moderationOutcome: $"{report.Category}:{report.DriverStaffNumber}"); // leak TC1003 generated-api
    }

    private async Task StandDownIfSeriousAsync(SafetyReport report, CancellationToken cancellationToken)
    {
        if (report.Category is "assault" or "dangerous-driving")
        {
            await roster.StandDownAsync(report.DriverStaffNumber, cancellationToken);
            throw new DriverStandDownException(report.DriverStaffNumber, report.TripId);
        }
    }
}
