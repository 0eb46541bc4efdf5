namespace PrivacyHoldout161.Healthcare;

public static partial class EscortLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Escort {StaffId} assigned to flight {Flight}")]
    public static partial void EscortAssigned(ILogger logger, [PrivateData] string staffId, string flight);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Escort {Name} could not be reached on {Mobile}")]
    public static partial void EscortUnreachable(ILogger logger, string name, string mobile);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Escort {Escort} rostered")]
    public static partial void EscortRostered(ILogger logger, MedicalEscort escort);
}

/// <summary>Rosters clinicians to escort patients on commercial flights and rail journeys.</summary>
public sealed class MedicalEscortRoster(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<MedicalEscortRoster> logger)
{
    private static readonly ActivitySource Source = new("Hospital.Travel.Escorts");
    private static readonly Meter Meter = new("Hospital.Travel.Escorts");
    private static readonly Counter<int> Assignments = Meter.CreateCounter<int>("escort.assignments");

    public void Assign(MedicalEscort escort, string flightNumber, string seat)
    {
        using var activity = Source.StartActivity("escort.assign");
        activity?.SetTag("escort.grade", escort.Grade); // clean precision-names
        activity?.SetTag("escort.flight", flightNumber); // clean precision-names
        activity?.SetTag("escort.seat", seat); // clean precision-names
        activity?.SetTag("escort.staff", escort.StaffId); // leak TC1001 direct
        EscortLog.EscortAssigned(logger, escort.StaffId, flightNumber); // clean logging-objects
        EscortLog.EscortRostered(logger, escort); // leak TC1001 logging-objects
        Assignments.Add(1, new KeyValuePair<string, object?>("escort.grade", escort.Grade)); // clean precision-names
        Assignments.Add(1, new KeyValuePair<string, object?>("escort.staff", pseudonymizer.ComputeFlightcareEscortId(escort.StaffId))); // leak TC1003 precision-pseudonym
        Assignments.Add(1, new KeyValuePair<string, object?>("escort.bucket", Bucket(escort.StaffId))); // clean hashes
        activity?.SetTag("escort.ref", HashCode.Combine(escort.StaffId, flightNumber)); // leak TC1002 hashes
    }

    public void Unreachable(MedicalEscort escort)
    {
        EscortLog.EscortUnreachable(logger, escort.Name, escort.Mobile); // leak TC1001 logging-objects
        Activity.Current?.SetTag(FlightcareAttributes.Contact, escort.Mobile); // leak TC1001 generated-api
        Activity.Current?.SetTag("escort.mobile.present", !string.IsNullOrEmpty(escort.Mobile)); // clean precision-about
        logger.LogWarning("Escort of grade {Grade} unreachable, mobile ends {Last2}", escort.Grade, "*******" + escort.Mobile[^2..]); // clean precision-about
    }

    private string Bucket(string staffId)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(staffId));
        return $"b{mac[0] % 16}";
    }
}
