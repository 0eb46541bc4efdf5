namespace PrivacyHoldout193.Education;

public sealed record DropInAttendance(string SessionId, string CampusCode, string StudentNumber, string PreferredName, string Outcome, int CondomsIssued, bool ChlamydiaKitTaken);

/// <summary>Closes the college's sexual health drop-in sessions at the end of the day and reports attendance.</summary>
public sealed partial class DropInSessionWorker(
    IQueueReceiver<DropInAttendance> attendances,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DropInSessionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("College.DropIns");
    private static readonly Meter Meter = new("College.DropIns");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("dropin.condoms_issued");

    private readonly List<YoungPersonProfile> _seenToday = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var attendance = await attendances.ReceiveAsync(stoppingToken);
            if (attendance is null)
            {
                Summarise();
                continue;
            }

            using var span = Source.StartCcardOperation(attendance.CampusCode);
            span.SetCcardKind("drop-in"); // clean precision-names
            span.SetCcardItems(attendance.CondomsIssued); // clean precision-about
            span.SetCcardOutcome(attendance.Outcome); // clean precision-about
            span.SetCcardClientId(pseudonymizer.PseudonymizeCcardClientId(attendance.StudentNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("dropin.kit_taken", attendance.ChlamydiaKitTaken); // clean precision-about
            Activity.Current?.SetTag("dropin.preferred_name", attendance.PreferredName); // leak TC1001 direct
            Issued.Add(attendance.CondomsIssued, new KeyValuePair<string, object?>("campus", attendance.CampusCode)); // clean precision-about
            Issued.Add(attendance.CondomsIssued, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCcardClientId(attendance.StudentNumber))); // leak TC1003 precision-pseudonym
            logger.LogInformation("Attendance {@Attendance}", attendance); // leak TC1001 logging-objects
            logger.LogInformation("Attendance {@Attendance}", new { attendance.SessionId, attendance.Outcome, attendance.CondomsIssued }); // clean logging-objects
            var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(attendance.StudentNumber)))[..2];
            logger.LogDebug("Attendance shard {Shard}", shard); // clean hashes
            var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(attendance.StudentNumber)))[..16];
            logger.LogDebug("Attendance legacy key {Key}", legacyKey); // leak TC1002 hashes

            var profile = new YoungPersonProfile { ClinicNumber = attendance.StudentNumber, PreferredName = attendance.PreferredName, AgeInYears = 17, SchoolCode = attendance.CampusCode };
            _seenToday.Add(profile);
            logger.LogDebug("Profile {Profile}", profile); // clean logging-objects
            logger.LogDebug("Profile {@Profile}", profile); // leak TC1001 logging-objects
            LogAttendanceRecorded(attendance.SessionId, attendance.PreferredName); // clean logging-objects
        }
    }

    private void Summarise()
    {
        var names = string.Join(", ", _seenToday.Select(p => p.PreferredName));
        logger.LogInformation("Seen today: {Names}", names); // leak TC1001 cross-member
        logger.LogInformation("Seen today: {Count} young people", _seenToday.Count); // clean cross-member
        Activity.Current?.SetTag("dropin.first_seen", _seenToday.FirstOrDefault()?.ClinicNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("dropin.under_16", _seenToday.Count(p => p.AgeInYears < 16)); // clean cross-member
        _seenToday.Clear();
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Drop-in {SessionId}: {PreferredName} seen")]
    private partial void LogAttendanceRecorded(string sessionId, [PrivateData] string preferredName);
}
