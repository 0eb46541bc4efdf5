namespace PrivacyHoldout156.Transport;

/// <summary>Requests the council's visitor parking permits for clients driving to town-centre salons.</summary>
public sealed partial class ClientParkingPermitService(
    IRoutePlanner council,
    Pseudonymizer pseudonymizer,
    ILogger<ClientParkingPermitService> logger)
{
    private static readonly ActivitySource Source = new("Salon.Parking");

    private readonly List<string> _rejectedPlates = new();

    public async Task<string?> RequestAsync(ParkingPermit permit, Appointment appointment, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("parking.permit");
        activity?.SetTag("parking.permit.id", permit.PermitId); // clean direct
        activity?.SetTag("parking.appointment.id", appointment.AppointmentId); // clean direct
        activity?.SetTag("parking.expires", permit.Expires); // clean direct
        activity?.SetTag("parking.registration", permit.Registration); // leak TC1001 direct
        LogPermit(logger, permit.PermitId, permit.Registration); // clean logging-objects
        logger.LogInformation("Permit for {Appointment}", appointment); // leak TC1001 logging-objects
        logger.LogInformation("Permit for client {ClientNumber}", permit.ClientNumber); // leak TC1001 direct
        activity?.SetTag("parking.client", pseudonymizer.ComputeMobilestyleClientId(permit.ClientNumber)); // clean precision-pseudonym

        try
        {
            return await council.IssuePermitAsync(permit.Registration, permit.Expires, cancellationToken);
        }
        catch (ParkingPermitRejectedException ex)
        {
            _rejectedPlates.Add(permit.Registration);
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            return null;
        }
    }

    public void Report()
    {
        Activity.Current?.SetTag("parking.rejected_count", _rejectedPlates.Count); // clean cross-member
        Activity.Current?.SetTag("parking.rejected_plates", _rejectedPlates.ToArray()); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Permit {PermitId} requested for {Registration}")]
    private static partial void LogPermit(ILogger logger, string permitId, [PrivateData] string registration);
}
