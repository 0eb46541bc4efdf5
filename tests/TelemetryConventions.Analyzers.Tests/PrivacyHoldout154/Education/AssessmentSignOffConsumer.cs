namespace PrivacyHoldout154.Education;

/// <summary>Assessors sign off apprentices' workshop jobs from the tablet app; the sign-offs arrive on a queue and go to the learner record.</summary>
public sealed partial class AssessmentSignOffConsumer(
    IQueueReceiver<AssessmentSignOff> queue,
    IWorkshopDiary diary,
    ILogger<AssessmentSignOffConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("College.Assessment");
    private static readonly Meter AssessmentMeter = new("College.Assessment");
    private static readonly Counter<int> Grades = AssessmentMeter.CreateCounter<int>("assessment.grades");

    private readonly HashSet<string> _referredStudents = new();
    private string _lastAssessor = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } signOff)
        {
            using var activity = Source.StartActivity("assessment.signoff");
            activity?.SetTag("assessment.job_number", signOff.JobNumber); // clean precision-names
            activity?.SetTag("assessment.grade", signOff.Grade); // clean precision-about
            activity?.SetTag("assessment.assessor", signOff.AssessorStaffId); // leak TC1001 direct
            activity?.SetTag("assessment.student", pseudonymizer.ComputeAutocollegeStudentId(signOff.StudentNumber)); // clean precision-pseudonym
            activity?.SetTag("assessment.student_lane", (int)(MD5.HashData(Encoding.UTF8.GetBytes(signOff.StudentNumber))[0] % 4)); // leak TC1002 hashes
            activity?.SetTag("assessment.student_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(signOff.StudentNumber))[0] % 4); // clean hashes
            LogSignOff(logger, signOff.JobNumber, signOff.StudentNumber, signOff.Grade); // leak TC1001 logging-objects
            LogSignOffClassified(logger, signOff.JobNumber, signOff.StudentNumber, signOff.Grade); // clean logging-objects
            Grades.Add(1, new KeyValuePair<string, object?>("assessment.grade", signOff.Grade)); // clean precision-about
            _lastAssessor = signOff.AssessorStaffId;
            if (signOff.Grade == "Refer")
            {
                _referredStudents.Add(signOff.StudentNumber);
            }

            await diary.RecordSignOffAsync(signOff, stoppingToken);
            logger.LogInformation("Recorded {SignOff}", signOff); // leak TC1001 logging-objects
        }

        logger.LogInformation("Queue drained; last assessor {Assessor}", _lastAssessor); // leak TC1001 cross-member
        logger.LogInformation("Referred this term: {Students}", _referredStudents); // leak TC1001 cross-member
        logger.LogInformation("Referred this term: {Count}", _referredStudents.Count); // clean cross-member
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Job {JobNumber} signed off for {StudentNumber}: {Grade}")]
    private static partial void LogSignOff(ILogger logger, string jobNumber, string studentNumber, string grade);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Job {JobNumber} signed off for {StudentNumber}: {Grade}")]
    private static partial void LogSignOffClassified(ILogger logger, string jobNumber, [PrivateData] string studentNumber, string grade);
}
