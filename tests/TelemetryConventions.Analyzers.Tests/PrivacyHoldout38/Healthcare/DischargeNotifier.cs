namespace PrivacyHoldout38.Healthcare;

public sealed class DischargeNotifier(ILogger<DischargeNotifier> logger, ActivitySource source, IPatientIndex patients, ILetterQueue letters)
{
    public async Task NotifyAsync(PatientDischarged discharged, string scannedWristband, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("discharge.notify");
        if (await patients.FindAsync(discharged.HospitalNumber, cancellationToken) is not { } patient)
        {
            return;
        }

        try
        {
            if (!string.Equals(scannedWristband, patient.HospitalNumber, StringComparison.OrdinalIgnoreCase))
            {
                throw new WristbandMismatchException(scannedWristband, patient.HospitalNumber);
            }
        }
        catch (WristbandMismatchException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Wristband check failed with {ErrorType}", ex.GetType().Name); // clean exceptions
            return;
        }

        var letter = $"""
            Dear {patient.GivenName} {patient.FamilyName},
            you left {discharged.Ward} on {discharged.OccurredAt:d}. Your GP has been told.
            """;
        await letters.EnqueueAsync(patient.HospitalNumber, letter, cancellationToken);

        activity?.AddEvent(new ActivityEvent("discharge.letter", tags: [new("letter.text", letter)])); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("discharge.letter", tags: [new("letter.length", letter.Length), new("clinic.ward", discharged.Ward)])); // clean precision-about
        logger.LogInformation("Discharged {@Patient}", patient); // leak TC1001 logging-objects
        logger.LogInformation("Discharged from {Ward} to {Destination}", discharged.Ward, discharged.Destination); // clean precision-about
    }
}

/// <summary>The print room's queue of letters to post.</summary>
public interface ILetterQueue
{
    Task EnqueueAsync(string hospitalNumber, string text, CancellationToken cancellationToken);
}
