namespace PrivacyHoldout164.Energy;

public sealed record HeatingFault(Guid FaultId, string Hall, string RoomNumber, string ReporterStudentNumber, string ReporterEmail, string Description, int RoomTemperature);

/// <summary>The supplier's field service for the halls' district heating: students report cold rooms, engineers are sent.</summary>
public sealed class HallHeatingFaultService(
    IHallsStore halls,
    ICampusMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<HallHeatingFaultService> logger)
{
    private static readonly ActivitySource Source = new("Energy.Halls.Heating");
    private static readonly Meter Meter = new("Energy.Halls.Heating");
    private static readonly Counter<long> Faults = Meter.CreateCounter<long>("heating.faults");
    private readonly HallpowerDurationHistogram _duration = Meter.CreateHallpowerDurationHistogram();
    private readonly List<string> _coldRooms = new();
    private readonly HashSet<string> _repeatReporters = new();

    public async Task ReportAsync(HeatingFault fault, string engineerStaffNumber, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartHallpowerOperation(fault.Hall);
        span.SetHallpowerStaffId(pseudonymizer.PseudonymizeHallpowerStaffId(engineerStaffNumber)); // clean generated-api
        span.SetHallpowerOutcome("engineer-sent"); // clean generated-api
        Activity.Current?.SetTag("heating.room", $"{fault.Hall}/{fault.RoomNumber}"); // clean strings
        Activity.Current?.SetTag("heating.temperature", fault.RoomTemperature); // clean precision-about
        Activity.Current?.SetTag("heating.description", fault.Description); // leak TC1001 direct
        Activity.Current?.SetTag("heating.engineer", engineerStaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag(HallpowerAttributes.Contact, fault.ReporterEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag(HallpowerAttributes.Contact, pseudonymizer.Compute("reporter.email", fault.ReporterEmail)); // leak TC1001 precision-pseudonym

        _coldRooms.Add($"{fault.Hall}/{fault.RoomNumber}");
        if (!_repeatReporters.Add(fault.ReporterStudentNumber))
        {
            logger.LogWarning("Repeat report from {Reporter} in {Hall}", fault.ReporterStudentNumber, fault.Hall); // leak TC1001 direct
        }

        var room = await halls.FreeRoomAsync(fault.Hall, accessible: false, cancellationToken);
        if (room is null)
        {
            var ex = new RoomUnavailableException(fault.Hall);
            logger.LogWarning(ex, "No spare room to move the student to"); // clean exceptions
        }
        else
        {
            logger.LogInformation("Spare room {@Room} held while the fault is fixed", room); // clean logging-objects
        }

        await mailer.SendAsync(fault.ReporterEmail, "tpl-heating-fault", new Dictionary<string, string> { ["room"] = fault.RoomNumber }, cancellationToken);
        var ticket = string.Join("|", fault.FaultId.ToString("N"), fault.Hall, fault.RoomNumber, fault.ReporterEmail);
        logger.LogInformation("Ticket {Ticket}", ticket); // leak TC1001 strings
        Faults.Add(1, new KeyValuePair<string, object?>("hall", fault.Hall), new KeyValuePair<string, object?>("room", fault.RoomNumber)); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, fault.Hall); // clean generated-api
    }

    public void Summarise()
    {
        logger.LogInformation("Cold rooms today: {Rooms}", string.Join(", ", _coldRooms)); // clean cross-member
        logger.LogInformation("Repeat reporters: {Reporters}", _repeatReporters); // leak TC1001 cross-member
        logger.LogInformation("Repeat reporters: {Count}", _repeatReporters.Count); // clean cross-member
    }
}
