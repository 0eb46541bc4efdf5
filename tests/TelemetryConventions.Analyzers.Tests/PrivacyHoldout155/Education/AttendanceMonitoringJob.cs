namespace PrivacyHoldout155.Education;

/// <summary>
/// Nightly job that reads missed contact points of sponsored students from the timetabling system, and reports
/// students who stopped engaging to the Home Office within ten working days, as the sponsor guidance asks.
/// </summary>
public sealed partial class AttendanceMonitoringJob(
    IConsumer<string, AttendanceMiss> misses,
    ISponsorManagementSystem sms,
    Meter meter,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<AttendanceMonitoringJob> logger) : BackgroundService
{
    private readonly Counter<long> _reportable = meter.CreateCounter<long>("attendance.reportable", "{student}");
    private readonly Dictionary<string, int> _missesByStudent = new(StringComparer.Ordinal);
    private readonly List<string> _reportedCas = [];
    private string _currentCourse = string.Empty;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = misses.Consume(stoppingToken);
            if (result is null)
            {
                break;
            }
            using var activity = source.StartActivity("attendance.miss");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            Track(result.Message.Value);
            misses.Commit(result);
        }
        return Task.CompletedTask;
    }

    private void Track(AttendanceMiss miss)
    {
        _currentCourse = miss.CourseCode;
        _missesByStudent[miss.StudentNumber] = miss.ConsecutiveMisses;
        Activity.Current?.SetTag("attendance.consecutive_misses", miss.ConsecutiveMisses); // clean precision-about
        if (miss.ConsecutiveMisses >= 10)
        {
            _reportable.Add(1, new KeyValuePair<string, object?>("course", miss.CourseCode)); // clean precision-about
            StudentReportable(logger, miss.StudentNumber, miss.ConsecutiveMisses); // leak TC1001 logging-objects
            StudentReportableRedacted(logger, miss.StudentNumber, miss.CourseCode); // clean logging-objects
        }
    }

    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Reporting {Count} students on {Course}", _missesByStudent.Count, _currentCourse); // clean cross-member
        logger.LogInformation("Students over the threshold: {Students}", _missesByStudent.Keys); // leak TC1001 cross-member
        foreach (var (studentNumber, count) in _missesByStudent.Where(p => p.Value >= 10))
        {
            var cas = await sms.FindCasAsync(studentNumber, cancellationToken);
            var reportId = await sms.ReportAsync(new SmsReport(Guid.NewGuid().ToString("N"), cas.CasNumber, "non-attendance"), cancellationToken);
            _reportedCas.Add(cas.CasNumber);
            logger.LogInformation("Report {ReportId} filed after {Misses} misses", reportId, count); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("attendance.reported", tags: new ActivityTagsCollection { ["student"] = pseudonymizer.ComputeSponsorStudentId(studentNumber) })); // clean precision-pseudonym
            meter.CreateSponsorReportsCounter().Add(1, sponsorCampus: "city-campus", sponsorOutcome: $"reported-{studentNumber}"); // leak TC1003 generated-api
        }
    }

    public void Summarise()
    {
        logger.LogInformation("Filed {Count} reports tonight", _reportedCas.Count); // clean cross-member
        logger.LogInformation("CAS reported tonight: {CasNumbers}", string.Join(",", _reportedCas)); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Student {StudentNumber} missed {Misses} contact points")]
    private static partial void StudentReportable(ILogger logger, string studentNumber, int misses);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Student {StudentNumber} is reportable on {Course}")]
    private static partial void StudentReportableRedacted(ILogger logger, [PrivateData] string studentNumber, string course);
}
