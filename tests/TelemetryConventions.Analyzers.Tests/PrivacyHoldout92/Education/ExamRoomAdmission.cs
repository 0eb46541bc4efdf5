namespace PrivacyHoldout92.Education;

/// <summary>Thrown when a candidate is not entered for the paper being sat: <c>Candidate {number} is not entered for {paper}.</c></summary>
public sealed class CandidateNotEnteredException(string candidateNumber, string paperCode)
    : Exception($"Candidate {candidateNumber} is not entered for {paperCode}.")
{
    public string PaperCode { get; } = paperCode;
}

/// <summary>Thrown when a hall ticket is for another room: <c>Ticket for room {room}; this is {here}.</c></summary>
public sealed class WrongRoomException(string room, string here)
    : Exception($"Ticket for room {room}; this is {here}.");

/// <summary>What an invigilator's scanner sends when a hall ticket is scanned at a room's door.</summary>
public sealed record DoorScan(string Door, string Room, string Qr, string InvigilatorStaffId);

public interface IEntriesRegister
{
    Task<(string Room, string Seat)> SeatForAsync(string candidateNumber, string paperCode, CancellationToken cancellationToken);

    Task<int> SeatedAsync(string room, CancellationToken cancellationToken);
}

/// <summary>Admits candidates at the exam room doors by scanning their hall tickets.</summary>
public sealed class ExamRoomAdmission(IEntriesRegister register, IReadOnlyDictionary<string, ECDsa> keys, Pseudonymizer pseudonymizer, ILogger<ExamRoomAdmission> logger)
{
    private static readonly ActivitySource Source = new("School.Exams.Admission");
    private static readonly Meter Meter = new("School.Exams.Admission");
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("hallpass.refusals");

    public async Task<string> AdmitAsync(DoorScan scan, string paperCode, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartHallpassAdmit(scan.Door);
        Activity.Current?.SetTag("hallpass.invigilator", scan.InvigilatorStaffId); // leak TC1001 direct
        SignedTicketPayload payload;
        try
        {
            payload = TicketCodec.Decode(scan.Qr);
            TicketCodec.Verify(payload, keys);
        }
        catch (TicketFormatException ex)
        {
            span.SetHallpassOutcome("unreadable").RecordException(ex, includeMessage: true); // clean exceptions
            return "unreadable";
        }
        catch (TicketSignatureException ex)
        {
            logger.LogWarning(ex, "Hall ticket signature rejected at {Door}", scan.Door); // clean exceptions
            return "forged";
        }

        var candidate = payload.Claims.Subject;
        span.SetHallpassTicketId(payload.Claims.TicketId).SetHallpassCandidateId(pseudonymizer.PseudonymizeHallpassCandidateId(candidate)); // clean precision-pseudonym
        try
        {
            var (room, seat) = await register.SeatForAsync(candidate, paperCode, cancellationToken);
            if (room != scan.Room)
            {
                throw new WrongRoomException(room, scan.Room);
            }
            logger.LogInformation("Admitted to {Room} seat {Seat}", room, seat);
            Meter.CreateHallpassAdmissionsCounter().Add(1, hallpassGate: scan.Door, hallpassOutcome: "admitted"); // clean generated-api
            return seat;
        }
        catch (CandidateNotEnteredException ex)
        {
            logger.LogHallpassAdmissionRefusedEvent(hallpassOutcome: "not-entered", hallpassGate: scan.Door, hallpassNote: ex.Message); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Refusals.Add(1, new KeyValuePair<string, object?>("hallpass.paper", ex.PaperCode)); // clean precision-names
            return "not-entered";
        }
        catch (WrongRoomException ex)
        {
            logger.LogWarning(ex, "Wrong room at {Door}", scan.Door); // clean exceptions
            Refusals.Add(1, new KeyValuePair<string, object?>("hallpass.candidate", candidate)); // leak TC1003 direct
            return "wrong-room";
        }
        finally
        {
            Meter.CreateHallpassAdmitDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, hallpassGate: scan.Door);
            logger.LogInformation("{Seated} candidates seated in {Room}", await register.SeatedAsync(scan.Room, cancellationToken), scan.Room); // clean precision-about
        }
    }
}
