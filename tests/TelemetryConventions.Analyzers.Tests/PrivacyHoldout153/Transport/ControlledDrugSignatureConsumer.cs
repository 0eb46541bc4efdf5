namespace PrivacyHoldout153.Transport;

/// <summary>Reads the drivers' signature captures for controlled drug deliveries and checks the signer may receive them.</summary>
public sealed class ControlledDrugSignatureConsumer(
    IConsumer<string, SignatureCapture> consumer,
    IDeliveryNotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<ControlledDrugSignatureConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HighStreet.Delivery.Signatures");
    private static readonly HashSet<string> AllowedRelationships = ["self", "carer", "spouse", "parent"];

    private SignatureCapture? _lastRefused;
    private int _refused;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var capture = result.Message.Value;
            using var span = Source.StartMeddeliveryOperation("signatures");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            Activity.Current?.SetTag("delivery.drop.id", capture.DropId); // clean precision-names
            Activity.Current?.SetTag("delivery.signature.relationship", capture.Relationship); // clean precision-about
            Activity.Current?.SetTag("delivery.signature.strokes", capture.StrokeCount); // clean precision-about
            span.SetMeddeliveryDriverId(pseudonymizer.PseudonymizeMeddeliveryDriverId(capture.DriverStaffId)); // clean generated-api

            try
            {
                if (capture.StrokeCount == 0)
                {
                    throw new SignatureMissingException(capture.DropId);
                }
                if (!AllowedRelationships.Contains(capture.Relationship))
                {
                    throw new RecipientMismatchException(capture.SignedBy);
                }
            }
            catch (SignatureMissingException ex)
            {
                logger.LogMeddeliveryOperationFailedEvent("signatures", "no-signature", meddeliveryNote: ex.Message); // clean exceptions
            }
            catch (RecipientMismatchException ex)
            {
                _lastRefused = capture;
                _refused++;
                logger.LogMeddeliveryOperationFailedEvent("signatures", "mismatch", meddeliveryNote: ex.Message); // leak TC1001 exceptions
                Activity.Current?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().Name, ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                span.SetMeddeliveryOutcome("mismatch"); // clean exceptions
            }

            logger.LogInformation("Signed by {SignedBy} ({Relationship})", capture.SignedBy, capture.Relationship); // leak TC1001 direct
            logger.LogInformation("Signature for drop {DropId} by driver {DriverStaffId}", capture.DropId, capture.DriverStaffId); // leak TC1001 direct
            logger.LogInformation("Signature captured {@Capture}", capture with { SignedBy = string.Empty, DriverStaffId = string.Empty }); // clean logging-objects
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void ReportShift()
    {
        logger.LogInformation("Refused handovers: {Refused}", _refused); // clean cross-member
        logger.LogInformation("Last refused handover: {Capture}", _lastRefused); // leak TC1001 cross-member
        logger.LogInformation("Last refused relationship: {Relationship}", _lastRefused?.Relationship); // clean cross-member
    }
}
