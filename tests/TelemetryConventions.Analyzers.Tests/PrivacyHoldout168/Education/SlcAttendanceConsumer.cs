namespace PrivacyHoldout168.Education;

/// <summary>
/// Consumes the Student Loans Company's attendance confirmations (topic <c>slc.attendance</c>, keyed by the student's
/// customer reference number) and confirms enrolment so that the maintenance loan is paid.
/// </summary>
public sealed class SlcAttendanceConsumer(
    IConsumer<string, SlcConfirmation> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SlcAttendanceConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Registry.SlcAttendance");
    private static readonly Meter Meter = new("Registry.SlcAttendance");
    private static readonly Counter<long> Confirmations = Meter.CreateCounter<long>("slc.confirmations");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var confirmation = result.Message.Value;
            using var activity = Source.StartActivity("slc.attendance.confirm", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
            activity?.SetTag("messaging.kafka.message.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("slc.term", confirmation.Term); // clean precision-about
            logger.LogInformation("Attendance {Status} for term {Term}", confirmation.Status, confirmation.Term); // clean precision-about
            logger.LogInformation("Attendance confirmed for CRN {Crn}", confirmation.CustomerReferenceNumber); // leak TC1001 direct
            var bucket = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(confirmation.StudentNumber)), 0) % 32;
            Confirmations.Add(1, new KeyValuePair<string, object?>("bucket", bucket)); // clean hashes
            var legacyKey = confirmation.StudentNumber.GetHashCode() & 0x7fff;
            activity?.SetTag("student.cohort_key", legacyKey); // leak TC1002 hashes
            Confirmations.Add(1, new KeyValuePair<string, object?>("status", confirmation.Status)); // clean precision-about
            Activity.Current?.AddBaggage("student.pseudonym", pseudonymizer.ComputeCampusloansStudentId(confirmation.StudentNumber)); // clean precision-pseudonym
            Activity.Current?.AddBaggage("student.number", confirmation.StudentNumber); // leak TC1001 direct
            logger.LogDebug("Confirmation {Confirmation}", confirmation); // leak TC1001 logging-objects
            logger.LogDebug("Campus prefix {Prefix}", confirmation.StudentNumber[..2]); // clean precision-about
            logger.LogInformation("CRN " + confirmation.CustomerReferenceNumber + " confirmed for " + confirmation.Term); // leak TC1001 strings
            activity?.SetTag("slc.summary", $"{confirmation.Term}:{confirmation.Status}"); // clean strings
            try
            {
                if (confirmation.Status == "withdrawn")
                {
                    throw new StudentNotEnrolledException(confirmation.StudentNumber);
                }
            }
            catch (StudentNotEnrolledException ex)
            {
                logger.LogError(ex, "Attendance not applied"); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, "student not enrolled"); // clean exceptions
            }
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }
}
