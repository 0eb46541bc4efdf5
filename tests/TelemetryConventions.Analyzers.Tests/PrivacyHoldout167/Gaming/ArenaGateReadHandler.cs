namespace PrivacyHoldout167.Gaming;

/// <summary>Handles the arena gate camera's reads: lets booked cars in, and records a parking charge for the rest.</summary>
public sealed class ArenaGateReadHandler(
    IPenaltyStore notices,
    IKeeperLookup keepers,
    Pseudonymizer pseudonymizer,
    ILogger<ArenaGateReadHandler> logger)
{
    private static readonly ActivitySource Source = new("Arena.Gate");

    public async Task HandleAsync(PlateRead read, bool booked, string eventId, CancellationToken cancellationToken)
    {
        using var span = Source.StartArenaparkOperation(eventId);
        span.SetArenaparkVehiclePlate(pseudonymizer.PseudonymizeArenaparkVehiclePlate(read.Vrm)); // clean generated-api
        span.SetArenaparkBookingRef(read.ReadId); // clean generated-api
        span.SetArenaparkOutcome(booked ? "admitted" : "unbooked"); // clean generated-api
        logger.LogInformation("Gate read {ReadId} by {Camera} confidence {Confidence}", read.ReadId, read.CameraId, read.Confidence); // clean precision-about
        logger.LogInformation("Gate read {@Read}", read); // leak TC1001 logging-objects
        if (booked)
        {
            return;
        }

        var plate = read.Vrm;
        var message = "Unbooked vehicle " + plate + " at " + eventId;
        logger.LogWarning(message); // leak TC1001 strings
        var masked = plate[..2] + new string('*', plate.Length - 2);
        logger.LogWarning("Unbooked vehicle {Masked} at {Event}", masked, eventId); // clean strings
        span.SetArenaparkNote(string.Format(CultureInfo.InvariantCulture, "{0} at {1}", plate, eventId)); // leak TC1001 strings

        try
        {
            var keeper = await keepers.FindKeeperAsync(plate, read.ReadAt, cancellationToken)
                ?? throw new VehicleNotFoundException(plate);
            logger.LogInformation("Keeper {Name} in {Postcode}", keeper.KeeperName, keeper.Postcode); // leak TC1001 direct
            logger.LogInformation("Keeper is a company: {Company}, vehicle {Make} {Colour}", keeper.IsCompany, keeper.Make, keeper.Colour); // clean precision-about
            var notice = new PenaltyNotice($"ARN{read.ReadId}", plate, "ARENA-01", "GATE-A", 100m, "system");
            await notices.SaveAsync(notice, cancellationToken);
            logger.LogInformation("Notice {Notice} raised", notice.NoticeNumber); // clean precision-about
        }
        catch (VehicleNotFoundException ex)
        {
            span.RecordException(ex, "keeper unknown", includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, "keeper unknown"); // clean exceptions
        }
        catch (KeeperEnquiryException ex)
        {
            span.RecordException(ex, "agency unavailable", includeMessage: true); // clean exceptions
            logger.LogArenaparkOperationFailedEvent(eventId, "agency-unavailable", arenaparkNote: ex.Message); // clean generated-api
        }
    }
}
