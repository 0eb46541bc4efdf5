namespace PrivacyHoldout121.Education;

/// <summary>A bag of exam scripts going from a school to an examiner.</summary>
public sealed record ScriptBag(string BagId, string CentreNumber, string Component, int Scripts, string ExaminerNumber, string ExaminerName);

/// <summary>Tracks exam script bags couriered from schools to examiners and the examiners' signatures on receipt.</summary>
public sealed partial class ExamScriptCourier(ICarrierClient carrier, Pseudonymizer pseudonymizer, ILogger<ExamScriptCourier> logger)
{
    private static readonly ActivitySource Source = new("Trust.Exams.Scripts");

    public async Task TrackAsync(ScriptBag bag, string trackingNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("scripts.track");
        activity?.SetTag("scripts.bag_id", bag.BagId); // clean precision-names
        activity?.SetTag("scripts.centre_number", bag.CentreNumber); // clean precision-names
        activity?.SetTag("scripts.count", bag.Scripts); // clean precision-about
        activity?.SetTag("scripts.examiner", bag.ExaminerNumber); // leak TC1001 direct

        Tracker tracker;
        try
        {
            tracker = await carrier.TrackAsync(trackingNumber, "parcelforce", cancellationToken);
        }
        catch (UnknownTrackingNumberException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            LogUnknown(logger, ex, bag.BagId); // clean exceptions
            return;
        }

        logger.LogInformation("Script bag tracker {Tracker}", tracker); // clean logging-objects
        var delivered = tracker.Events.FirstOrDefault(e => e.Status == TrackingStatus.Delivered);
        if (delivered is not null)
        {
            LogReceived(logger, bag.BagId, delivered.SignedBy ?? "unsigned"); // leak TC1001 cross-member
            activity?.SetTag("scripts.signed", delivered.SignedBy is not null); // clean precision-about
            activity?.SetTag("scripts.examiner.ref", pseudonymizer.Compute("examiner", bag.ExaminerNumber)); // clean precision-pseudonym
        }
        else if (tracker.Status == TrackingStatus.DeliveryAttempted)
        {
            logger.LogWarning("Bag {Bag} not received by examiner {Examiner}", bag.BagId, bag.ExaminerName); // leak TC1001 direct
            logger.LogWarning("Bag {BagId} for component {Component} attempted, ETA {Eta}", bag.BagId, bag.Component, tracker.EstimatedDelivery); // clean precision-names
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Carrier has no tracker for script bag {BagId}")]
    private static partial void LogUnknown(ILogger logger, Exception exception, string bagId);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Script bag {BagId} signed for by {SignedBy}")]
    private static partial void LogReceived(ILogger logger, string bagId, string signedBy);
}
