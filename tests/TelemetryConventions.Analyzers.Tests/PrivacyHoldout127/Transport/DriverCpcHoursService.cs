namespace PrivacyHoldout127.Transport;

public sealed record CpcCourseAttendance(string StaffNumber, string DriverName, string DqcNumber, string LicenceNumber, string CourseCode, string Depot, string Provider, double Hours);

/// <summary>Driver CPC periodic training: the 35 hours every five years, uploaded to the national register by the approved centre.</summary>
public sealed partial class DriverCpcHoursService(IComplianceStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DriverCpcHoursService> logger)
{
    private static readonly ActivitySource Source = new("Operator.DriverCpc");
    private static readonly Meter Meter = new("Operator.DriverCpc");
    private readonly DrivercpcCompletionsCounter _completions = Meter.CreateDrivercpcCompletionsCounter();
    private readonly DrivercpcRecordDurationHistogram _duration = Meter.CreateDrivercpcRecordDurationHistogram();
    private static readonly Histogram<double> Hours = Meter.CreateHistogram<double>("drivercpc.hours", "h");

    public async Task RecordAsync(CpcCourseAttendance attendance, double hoursInCycle, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var driver = pseudonymizer.PseudonymizeDrivercpcDriverId(attendance.StaffNumber);
        using var span = Source.StartDrivercpcRecord(attendance.CourseCode)
            .SetDrivercpcDepot(attendance.Depot) // clean precision-names
            .SetDrivercpcProvider(attendance.Provider) // clean precision-names
            .SetDrivercpcDriverId(driver);
        span.Activity?.SetTag("drivercpc.hours", attendance.Hours); // clean precision-about
        span.Activity?.SetTag("drivercpc.cycle.hours", hoursInCycle); // clean precision-about
        span.Activity?.SetTag("drivercpc.dqc", attendance.DqcNumber); // leak TC1001 direct
        span.Activity?.SetTag("drivercpc.upload.ref", $"JAUPT-{attendance.Provider}-{attendance.DqcNumber}"); // leak TC1001 strings
        span.Activity?.SetTag("drivercpc.licence.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(attendance.LicenceNumber)))[..16]); // leak TC1002 hashes
        span.Activity?.SetTag("drivercpc.licence.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(attendance.LicenceNumber))[0] % 32); // clean hashes
        Hours.Record(attendance.Hours, new("depot", attendance.Depot), new("course", attendance.CourseCode)); // clean precision-names
        Hours.Record(attendance.Hours, new KeyValuePair<string, object?>("driver", attendance.StaffNumber)); // leak TC1003 direct
        LogAttendance(logger, attendance.CourseCode, attendance.LicenceNumber, attendance.Hours); // clean logging-objects

        await store.RecordCompletionAsync(attendance.StaffNumber, attendance.CourseCode, DateOnly.FromDateTime(DateTime.UtcNow), ct);
        _completions.Add(1, attendance.CourseCode, hoursInCycle >= 35 ? "cycle-complete" : "recorded"); // clean precision-about
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, attendance.CourseCode, attendance.Depot); // clean precision-names
        if (hoursInCycle >= 35)
        {
            logger.LogInformation("CPC cycle complete for {Driver} ({Dqc})", attendance.DriverName, attendance.DqcNumber); // leak TC1001 direct
            span.SetDrivercpcNote("cycle complete; new DQC to be issued"); // clean generated-api
        }
        logger.LogDebug("Attendance {@Attendance}", attendance); // leak TC1001 logging-objects
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Course} attended by licence {Licence}: {Hours}h")]
    private static partial void LogAttendance(ILogger logger, string course, [PrivateData] string licence, double hours);
}
