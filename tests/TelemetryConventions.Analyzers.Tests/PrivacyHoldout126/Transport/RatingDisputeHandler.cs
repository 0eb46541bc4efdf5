namespace PrivacyHoldout126.Transport;

/// <summary>A driver disputes a rider's rating, or rates a rider after a trip.</summary>
public sealed record RatingDispute(string DisputeId, string TripId, string DriverStaffNumber, Guid RiderId, int Stars, string Statement);

public sealed record RiderRating(string TripId, string DriverStaffNumber, Guid RiderId, string RiderDisplayName, int Stars, IReadOnlyList<string> Reasons);

public sealed class DisputeNotAllowedException(string driverStaffNumber, int openDisputes)
    : Exception($"Driver {driverStaffNumber} already has {openDisputes} open disputes");

public sealed partial class RatingDisputeHandler(IQueueReceiver<RatingDispute> disputes, Pseudonymizer pseudonymizer, ILogger<RatingDisputeHandler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.RatingDisputes");
    private string? _lastDisputingDriver;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var durations = new Meter("Transit.RatingDisputes").CreateTriprateModerationDurationHistogram();
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispute = await disputes.ReceiveAsync(stoppingToken);
            if (dispute is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            _lastDisputingDriver = dispute.DriverStaffNumber;
            using var span = Source.StartTriprateModerate(dispute.DisputeId)
                .SetTriprateModeratorId(pseudonymizer.PseudonymizeTriprateModeratorId(dispute.DriverStaffNumber)) // clean precision-pseudonym
                .SetTriprateAuthorId(pseudonymizer.PseudonymizeTriprateAuthorId(dispute.RiderId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("dispute.trip", dispute.TripId); // clean precision-names
            span.Activity?.SetTag("dispute.stars", dispute.Stars); // clean precision-about
            using var scope = logger.BeginScope("Dispute {DisputeId} by driver {Driver}", dispute.DisputeId, dispute.DriverStaffNumber); // leak TC1001 logging-objects
            logger.LogInformation("Dispute statement {Statement}", dispute.Statement); // leak TC1001 direct

            try
            {
                if (dispute.Stars > 2)
                {
                    throw new DisputeNotAllowedException(dispute.DriverStaffNumber, 3);
                }

                span.SetTriprateVerdict("upheld").SetTriprateReason("rider_no_show"); // clean generated-api
            }
            catch (DisputeNotAllowedException ex)
            {
                span.SetTriprateVerdict("refused").SetTriprateNote(ex.Message); // leak TC1001 exceptions
                logger.LogWarning(ex, "Dispute refused"); // leak TC1001 exceptions
                logger.LogTriprateReviewRejectedEvent(dispute.DisputeId, "too_many_open", triprateNote: ex.GetType().Name); // clean exceptions
            }

            durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "decided"); // clean generated-api
        }
    }

    public void OnRiderRated(RiderRating rating)
    {
        using var activity = Source.StartActivity("triprate.rider_rated");
        activity?.SetTag("triprate.trip", rating.TripId); // clean precision-names
        activity?.SetTag("triprate.reasons", string.Join(",", rating.Reasons)); // clean precision-names
        activity?.SetTag("triprate.last_disputing_driver", _lastDisputingDriver); // leak TC1001 cross-member
        activity?.SetTag(TriprateAttributes.AuthorId, pseudonymizer.PseudonymizeTriprateAuthorId(rating.RiderId.ToString()).Value); // clean precision-pseudonym
        activity?.SetTag("triprate.rider.name", rating.RiderDisplayName); // leak TC1001 direct
        activity?.SetBaggage("triprate.rider", rating.RiderId.ToString()); // leak TC1001 direct
        logger.LogInformation("Driver rated rider {@Rating}", rating); // leak TC1001 logging-objects
        var riderBucket = rating.RiderId.ToString().GetHashCode() & 7;
        activity?.SetTag("triprate.rider.bucket", riderBucket); // leak TC1002 hashes
        LogRiderRated(logger, rating.TripId, rating.Stars, rating.RiderDisplayName); // clean logging-objects
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId}: driver gave {Stars} to {RiderName}")]
    private static partial void LogRiderRated(ILogger logger, string tripId, int stars, [PrivateData] string riderName);
}
