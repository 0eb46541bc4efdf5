namespace PrivacyHoldout157.Healthcare;

/// <summary>A patient discharged to a step-down room at a partner hotel while a care package is arranged. Prints hospital number, NHS number, name, carer's note and the hotel.</summary>
public sealed record StepDownReferral(string HospitalNumber, string NhsNumber, string PatientName, string CarerNote, string HotelCode, int Nights);

/// <summary>The partner hotel's answer. Prints confirmation number, room and whether it is step-free.</summary>
public sealed record StepDownRoom(string ConfirmationNumber, string RoomNumber, bool StepFree);

/// <summary>The partner hotel refused the referral; quotes the patient's NHS number as the hotel's system does.</summary>
public sealed class StepDownRefusedException(string nhsNumber, string reason) : Exception($"Referral for NHS {nhsNumber} refused: {reason}")
{
    public string Reason { get; } = reason;
}

public interface IStepDownPartner
{
    Task<StepDownRoom> ReferAsync(StepDownReferral referral, CancellationToken cancellationToken = default);
}

/// <summary>Discharge coordinators refer patients to step-down hotel rooms.</summary>
public sealed partial class StepDownStayHandler(IStepDownPartner partner, Pseudonymizer pseudonymizer, ILogger<StepDownStayHandler> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Trust.StepDown");

    public async Task<StepDownRoom?> HandleAsync(StepDownReferral referral, CancellationToken cancellationToken)
    {
        using var span = Source.StartFamilystayOperation(referral.HotelCode);
        span.SetFamilystayPatientId(pseudonymizer.PseudonymizeFamilystayPatientId(referral.HospitalNumber)); // clean precision-pseudonym
        span.SetFamilystayNightCount(referral.Nights); // clean precision-about
        Activity.Current?.AddBaggage("stepdown.nhs", referral.NhsNumber); // leak TC1001 direct
        Activity.Current?.AddBaggage("stepdown.patient", pseudonymizer.ComputeFamilystayPatientId(referral.HospitalNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("stepdown.carer_note.length", referral.CarerNote.Length); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["HotelCode"] = referral.HotelCode, ["Nights"] = referral.Nights }); // clean direct

        try
        {
            var room = await partner.ReferAsync(referral, cancellationToken);
            span.SetFamilystayOutcome("placed");
            span.SetFamilystayNote($"Room {room.RoomNumber}, step-free {room.StepFree}, confirmation {room.ConfirmationNumber}"); // clean generated-api
            LogPlaced(logger, referral.PatientName, room.RoomNumber); // clean logging-objects
            meter.CreateFamilystayBookingsCounter().Add(1, familystaySite: referral.HotelCode, familystayOutcome: "placed"); // clean generated-api
            meter.CreateFamilystayStayLengthHistogram().Record(referral.Nights, familystaySite: referral.HotelCode); // clean generated-api
            return room;
        }
        catch (StepDownRefusedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetFamilystayNote(ex.Message); // leak TC1001 generated-api
            logger.LogWarning(ex, "Step-down referral refused"); // leak TC1001 exceptions
            logger.LogWarning("Step-down refused: {Reason}", ex.Reason); // clean exceptions
            logger.LogFamilystayOperationFailedEvent(referral.HotelCode, "refused", familystayPatientId: pseudonymizer.PseudonymizeFamilystayPatientId(referral.HospitalNumber), familystayNote: $"Carer says: {referral.CarerNote}"); // leak TC1001 generated-api
            meter.CreateFamilystayBookingsCounter().Add(1, familystaySite: referral.HotelCode, familystayOutcome: $"refused:{referral.NhsNumber}"); // leak TC1003 generated-api
            return null;
        }
        catch (HttpRequestException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            LogPartnerDown(logger, referral.HospitalNumber, ex.StatusCode?.ToString() ?? "none"); // leak TC1001 logging-objects
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{PatientName} placed in room {RoomNumber}")]
    private static partial void LogPlaced(ILogger logger, [PrivateData] string patientName, string roomNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "Partner hotel unreachable for patient {HospitalNumber}: {Status}")]
    private static partial void LogPartnerDown(ILogger logger, string hospitalNumber, string status);
}
