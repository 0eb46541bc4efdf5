namespace PrivacyHoldout157.Healthcare;

/// <summary>A relative's request for a room in the trust's family accommodation beside the wards.</summary>
public sealed record RelativeRoomRequest(string HospitalNumber, string RelativeName, string RelativeMobile, string Relationship, string Ward, DateOnly From, int Nights);

/// <summary>A room of the family accommodation block. Prints room, block and whether it is accessible.</summary>
public sealed record FamilyRoom(string RoomNumber, string Block, bool Accessible);

public interface IFamilyRoomStore
{
    Task<FamilyRoom?> AllocateAsync(string ward, DateOnly from, int nights, CancellationToken cancellationToken = default);

    Task<int> FreeRoomsAsync(string site, CancellationToken cancellationToken = default);
}

[ApiController]
[Route("api/family-rooms")]
public sealed partial class RelativesAccommodationController(IFamilyRoomStore rooms, IGuestMessenger messenger, Pseudonymizer pseudonymizer, ILogger<RelativesAccommodationController> logger, Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.FamilyRooms");
    private readonly Counter<long> _refusals = meter.CreateCounter<long>("familyrooms.refusals");
    private readonly Histogram<int> _nights = meter.CreateHistogram<int>("familyrooms.nights");

    [HttpPost("")]
    public async Task<ActionResult> BookAsync([FromBody] RelativeRoomRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartFamilystayOperation("royal-infirmary");
        span.SetFamilystayPatientId(pseudonymizer.PseudonymizeFamilystayPatientId(request.HospitalNumber)); // clean precision-pseudonym
        span.SetFamilystayNightCount(request.Nights); // clean precision-about
        Activity.Current?.SetTag("familyroom.patient_ward", request.Ward); // clean precision-names
        Activity.Current?.SetTag("familyroom.patient", request.HospitalNumber); // leak TC1001 direct
        logger.LogInformation("Family room requested on {Ward} by {RelativeName} ({Relationship})", request.Ward, request.RelativeName, request.Relationship); // leak TC1001 direct
        logger.LogInformation("Relative gave a mobile: {HasMobile}, relationship {Relationship}", !string.IsNullOrEmpty(request.RelativeMobile), request.Relationship); // clean precision-about

        var room = await rooms.AllocateAsync(request.Ward, request.From, request.Nights, cancellationToken);
        if (room is null)
        {
            _refusals.Add(1, new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-names
            _refusals.Add(1, new KeyValuePair<string, object?>("patient", request.HospitalNumber)); // leak TC1003 direct
            logger.LogFamilystayOperationFailedEvent("royal-infirmary", "no-room", familystayNote: $"No family room on {request.Ward} for {request.Nights} nights"); // clean generated-api
            return NotFound("No family room free");
        }

        await messenger.TextAsync(request.RelativeMobile, $"Your room is {room.RoomNumber} in {room.Block}", cancellationToken);
        span.SetFamilystayOutcome("allocated");
        _nights.Record(request.Nights, new KeyValuePair<string, object?>("room.accessible", room.Accessible)); // clean precision-about
        Activity.Current?.SetTag(FamilystayAttributes.Contact, request.RelativeMobile); // leak TC1001 generated-api
        LogAllocated(logger, room.RoomNumber, room.Block, request.RelativeName); // leak TC1001 logging-objects
        LogRelativeOfPatient(logger, request.HospitalNumber, room.RoomNumber); // clean logging-objects
        logger.LogInformation("Allocated {@Room}", room); // clean logging-objects
        return Ok(room);
    }

    [HttpGet("free/{site}")]
    public async Task<ActionResult> FreeAsync(string site, CancellationToken cancellationToken)
    {
        var free = await rooms.FreeRoomsAsync(site, cancellationToken);
        Activity.Current?.SetTag("familyroom.free_count", free); // clean precision-names
        return Ok(free);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomNumber} in {Block} allocated to {RelativeName}")]
    private static partial void LogAllocated(ILogger logger, string roomNumber, string block, string relativeName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {HospitalNumber} has a relative in room {RoomNumber}")]
    private static partial void LogRelativeOfPatient(ILogger logger, [PrivateData] string hospitalNumber, string roomNumber);
}
