namespace PrivacyHoldout161.Healthcare;

/// <summary>Clears patients to fly home or to a specialist centre and books the airline's medical desk.</summary>
public sealed class FitToFlyService(IPartnerClient airlineMedicalDesk, Pseudonymizer pseudonymizer, ILogger<FitToFlyService> logger)
{
    private static readonly ActivitySource Source = new("Hospital.Travel.FitToFly");
    private static readonly Meter Meter = new("Hospital.Travel.FitToFly");
    private static readonly Counter<long> Clearances = Meter.CreateCounter<long>("fittofly.clearances");

    private FitToFlyClearance? lastRefused;
    private readonly List<string> awaitingOxygen = new();

    public async Task<bool> ClearAsync(FitToFlyClearance clearance, CancellationToken cancellationToken)
    {
        using var span = Source.StartFlightcareOperation("st-marys");
        span.SetFlightcarePatientId(pseudonymizer.PseudonymizeFlightcarePatientId(clearance.HospitalNumber)); // clean precision-pseudonym
        span.SetFlightcareEscortId(pseudonymizer.PseudonymizeFlightcareEscortId(clearance.ClinicianStaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("fittofly.oxygen", clearance.OxygenRequired); // clean precision-about
        Activity.Current?.SetTag("fittofly.hospital_number", clearance.HospitalNumber); // leak TC1001 direct
        Activity.Current?.SetTag("fittofly.patient", clearance.PatientName); // leak TC1001 direct
        logger.LogInformation("Clearance requested {Clearance}", clearance); // leak TC1001 logging-objects

        if (clearance.OxygenRequired)
        {
            awaitingOxygen.Add(clearance.HospitalNumber);
        }

        var accepted = await airlineMedicalDesk.SubmitAsync(clearance, cancellationToken);
        if (!accepted)
        {
            lastRefused = clearance;
            span.SetFlightcareOutcome("refused"); // clean generated-api
            span.SetFlightcareNote($"Refused for {clearance.PatientName} ({clearance.Condition})"); // leak TC1001 generated-api
            Clearances.Add(1, new KeyValuePair<string, object?>("fittofly.result", "refused")); // clean precision-about
            return false;
        }

        span.SetFlightcareOutcome("cleared"); // clean generated-api
        Clearances.Add(1, new KeyValuePair<string, object?>("fittofly.result", "cleared"), new KeyValuePair<string, object?>("fittofly.oxygen", clearance.OxygenRequired)); // clean precision-about
        return true;
    }

    public void PublishBacklog()
    {
        logger.LogInformation("Patients awaiting oxygen sign-off: {Patients}", awaitingOxygen); // leak TC1001 cross-member
        logger.LogInformation("{Count} patients awaiting oxygen sign-off", awaitingOxygen.Count); // clean cross-member
        Activity.Current?.SetTag("fittofly.last_refused", lastRefused?.Pnr); // leak TC1001 cross-member
        Activity.Current?.SetTag("fittofly.last_refused.oxygen", lastRefused?.OxygenRequired); // clean cross-member
    }
}
