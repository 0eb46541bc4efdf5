namespace PrivacyHoldout174.Education;

/// <summary>The further education college enrols home carers on the care certificate; the agency's HR system sends them over a topic keyed by learner number.</summary>
public sealed partial class CareCertificateEnrolments(
    ILogger<CareCertificateEnrolments> logger,
    IConsumer<string, CertificateEnrolment> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("College.CareCertificate");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            Handle(result);
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, CertificateEnrolment> result)
    {
        var enrolment = result.Message.Value;
        using var activity = Source.StartActivity("certificate.enrol", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
        activity?.SetTag("certificate.cohort", enrolment.Cohort); // clean precision-about
        activity?.SetTag("certificate.email_domain", enrolment.Email[(enrolment.Email.IndexOf('@') + 1)..]); // clean precision-about

        Enrolled(logger, enrolment.EnrolmentId, enrolment.CarerName); // clean precision-names
        EnrolledPlain(logger, enrolment.EnrolmentId, enrolment.Email); // leak TC1001 precision-names

        var learnerRef = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(enrolment.LearnerNumber)));
        logger.LogInformation("Learner ref {LearnerRef} enrolled", learnerRef); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var keyedRef = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(enrolment.LearnerNumber)))[..16];
        logger.LogInformation("Learner ref {LearnerRef} enrolled", keyedRef); // clean hashes

        var learner = pseudonymizer.PseudonymizeHometuitionClientId(enrolment.LearnerNumber);
        Baggage.SetBaggage("learner", learner.Value); // clean precision-pseudonym
        Baggage.SetBaggage("learner.email", enrolment.Email); // leak TC1001 direct

        var welcome = string.Format(CultureInfo.InvariantCulture, "Welcome {0} to cohort {1}", enrolment.CarerName, enrolment.Cohort);
        activity?.AddEvent(new ActivityEvent(welcome)); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent($"Enrolled in cohort {enrolment.Cohort}")); // clean strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} for {CarerName}")]
    private static partial void Enrolled(ILogger logger, string enrolmentId, [PrivateData] string carerName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} confirmation to {Email}")]
    private static partial void EnrolledPlain(ILogger logger, string enrolmentId, string email);
}
