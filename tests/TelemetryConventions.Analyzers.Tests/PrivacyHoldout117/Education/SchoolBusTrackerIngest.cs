namespace PrivacyHoldout117.Education;

/// <summary>A card tap on a school bus's reader: the student's RFID card, the bus and the stop.</summary>
public sealed record BoardingTap(string CardUid, string StudentNumber, string BusId, string StopCode, DateTimeOffset At);

/// <summary>
/// Ingests the trust's school bus trackers (<c>trust/buses/{busId}/position</c>) and the card readers
/// on board (<c>trust/buses/{busId}/taps</c>). The buses are the trust's; the students are not.
/// </summary>
public sealed class SchoolBusTrackerIngest(
    ILogger<SchoolBusTrackerIngest> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    KeyedShards shards)
{
    private readonly BusfleetPingsCounter _pings = meter.CreateBusfleetPingsCounter();
    private readonly Counter<long> _taps = meter.CreateCounter<long>("busfleet.taps");
    private readonly Dictionary<string, string> _lastStopByStudent = new();

    public void OnPosition(string busId, string route, TelematicsPing ping)
    {
        using var span = source.StartBusfleetIngest($"trust/buses/{busId}/position"); // clean strings
        span.SetBusfleetRoute(route).SetBusfleetDeviceModel("tracker-gt06"); // clean generated-api
        span.Activity?.SetTag("bus.position", $"{ping.Position.Latitude:F6},{ping.Position.Longitude:F6}"); // clean precision-names
        span.Activity?.SetTag("bus.tracker.imei", ping.Imei); // clean precision-names
        logger.LogDebug("Bus ping {@Ping}", ping); // clean logging-objects
        _pings.Add(1, "tracker-gt06", ping.Ignition ? "accepted" : "parked"); // clean generated-api
    }

    public void OnTap(BoardingTap tap)
    {
        using var span = source.StartBusfleetIngest($"trust/buses/{tap.BusId}/taps"); // clean strings
        span.SetBusfleetStudentId(pseudonymizer.PseudonymizeBusfleetStudentId(tap.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("busfleet.card.uid", tap.CardUid); // leak TC1001 direct
        span.Activity?.SetTag("busfleet.stop", tap.StopCode); // clean precision-names
        _taps.Add(1, new KeyValuePair<string, object?>("bus", tap.BusId), new KeyValuePair<string, object?>("stop", tap.StopCode)); // clean precision-names
        _taps.Add(1, new KeyValuePair<string, object?>("student", tap.StudentNumber)); // leak TC1003 direct
        logger.LogInformation("Tap {Tap}", tap); // leak TC1001 logging-objects
        logger.LogInformation("Student {Student} boarded bus {Bus} at {Stop}", pseudonymizer.ComputeBusfleetStudentId(tap.StudentNumber), tap.BusId, tap.StopCode); // clean precision-pseudonym
        span.Activity?.SetTag("busfleet.tap.shard", shards.ShardOf(tap.StudentNumber, 64)); // clean hashes
        span.Activity?.SetTag("busfleet.card.bucket", tap.CardUid.GetHashCode() & 0xFF); // leak TC1002 hashes

        if (_lastStopByStudent.TryGetValue(tap.StudentNumber, out var previous) && previous != tap.StopCode)
        {
            logger.LogInformation("Boarding stop changed from {Previous} to {Stop} for {Who}", previous, tap.StopCode, tap.StudentNumber); // leak TC1001 direct
        }
        _lastStopByStudent[tap.StudentNumber] = tap.StopCode;
        span.Activity?.SetTag("busfleet.students.tracked", _lastStopByStudent.Count); // clean precision-about
    }

    public void LogRoster(string busId)
    {
        logger.LogInformation("Bus {Bus} roster: {Students}", busId, string.Join(",", _lastStopByStudent.Keys)); // leak TC1001 cross-member
        logger.LogInformation("Bus {Bus} stops served: {Stops}", busId, string.Join(",", _lastStopByStudent.Values.Distinct())); // clean cross-member
    }
}
