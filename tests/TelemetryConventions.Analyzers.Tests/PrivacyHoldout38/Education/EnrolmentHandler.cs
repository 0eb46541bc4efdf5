using PrivacyHoldout38.Support;

namespace PrivacyHoldout38.Education;

public sealed record EnrolStudent(string StudentNumber, string CourseCode, int Age, Guardian Guardian) : IRequest<Result<Guid>>;

public interface IEnrolmentStore
{
    Task<bool> IsOpenAsync(string courseCode, CancellationToken cancellationToken);

    Task<Guid> AddAsync(string studentNumber, string courseCode, CancellationToken cancellationToken);
}

public sealed class EnrolmentHandler(IEnrolmentStore store, ILogger<EnrolmentHandler> logger, Pseudonymizer pseudonymizer)
    : IRequestHandler<EnrolStudent, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(EnrolStudent request, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichOperationRun("enrol").SetPartyRole("student"); // clean precision-names
        span.SetPartyRef(pseudonymizer.PseudonymizePartyRef(request.StudentNumber)); // clean precision-pseudonym

        if (request is { Age: < 16, Guardian: { Email: var guardianEmail } })
        {
            logger.LogInformation("Guardian consent requested from {GuardianEmail}", guardianEmail); // leak TC1001 direct
            Activity.Current?.SetTag(PartyAttributes.Contact, guardianEmail); // leak TC1001 generated-api
        }

        if (request is { Guardian.Mobile: { Length: > 3 } mobile })
        {
            Activity.Current?.SetTag("guardian.mobile_prefix", mobile[..3]); // clean precision-about
        }

        try
        {
            if (!await store.IsOpenAsync(request.CourseCode, cancellationToken))
            {
                throw new EnrolmentClosedException(request.CourseCode);
            }

            var id = await store.AddAsync(request.StudentNumber, request.CourseCode, cancellationToken);
            span.SetOperationOutcome("enrolled"); // clean generated-api
            return id;
        }
        catch (EnrolmentClosedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return new Error("enrolment.closed", ex.Message);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is { } duplicate)
        {
            var already = new StudentAlreadyEnrolledException(request.StudentNumber, request.CourseCode);
            logger.LogWarning(already, "Duplicate enrolment ({Cause})", duplicate.GetType().Name); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, already.GetType().Name); // clean exceptions
            return new Error("enrolment.duplicate", "Already enrolled.");
        }
    }
}
