namespace PrivacyHoldout163.Transport;

/// <summary>Reads examiners' tablet results from a topic keyed by booking reference and updates the candidate's record.</summary>
public sealed class ExaminerResultConsumer(
    IConsumer<string, PracticalResult> consumer,
    ITestBookingStore bookings,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<ExaminerResultConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Driving.Testing.Results");
    private readonly Histogram<int> faults = meter.CreateHistogram<int>("drivertest.driving.faults");
    private readonly Counter<long> results = meter.CreateCounter<long>("drivertest.results.read");
    private string? lastLicence;
    private string? lastExaminer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("drivertest.result");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            var practical = result.Message.Value;
            lastLicence = practical.LicenceNumber;
            lastExaminer = practical.ExaminerStaffId;
            var examiner = await bookings.ExaminerAsync(practical.ExaminerStaffId, stoppingToken);

            faults.Record(practical.DrivingFaults, new KeyValuePair<string, object?>("passed", practical.Passed)); // clean precision-about
            results.Add(1, new KeyValuePair<string, object?>("centre", examiner.CentreCode)); // clean precision-about
            results.Add(1, new KeyValuePair<string, object?>("examiner", practical.ExaminerStaffId)); // leak TC1003 direct
            results.Add(1, new KeyValuePair<string, object?>("examiner", pseudonymizer.ComputeDrivertestExaminerId(practical.ExaminerStaffId))); // leak TC1003 precision-pseudonym
            activity?.SetTag("drivertest.examiner.centre", examiner.CentreCode); // clean precision-about
            activity?.SetTag("drivertest.examiner.name", examiner.Name); // leak TC1001 direct
            activity?.SetTag("drivertest.examiner.id", pseudonymizer.ComputeDrivertestExaminerId(examiner.StaffId)); // clean precision-pseudonym
            logger.LogInformation("Result read {@Result}", practical); // leak TC1001 logging-objects
            logger.LogInformation("Result for {Booking}: passed {Passed} with {Faults} faults", practical.BookingReference, practical.Passed, practical.DrivingFaults); // clean precision-about
            activity?.SetTag("drivertest.shard", Shard(practical.LicenceNumber)); // clean hashes
            activity?.SetTag("drivertest.candidate.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(practical.LicenceNumber)))); // leak TC1002 hashes
            Trace(activity);
            consumer.Commit(result);
        }
    }

    private void Trace(Activity? activity)
    {
        activity?.SetTag("drivertest.candidate", lastLicence); // leak TC1001 cross-member
        activity?.SetTag("drivertest.examiner.known", lastExaminer is not null); // clean cross-member
        activity?.AddEvent(new ActivityEvent("result.examiner", tags: new ActivityTagsCollection { ["examiner"] = lastExaminer })); // leak TC1001 cross-member
    }

    private int Shard(string licenceNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(licenceNumber))[0] % 16;
    }
}
