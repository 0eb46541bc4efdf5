namespace PrivacyHoldout77.Education;

/// <summary>Contract 1.0: the student as flat fields, the course by code.</summary>
public sealed record EnrolmentRequestV1(string StudentNumber, string FullName, string Email, string CourseCode, string? GuardianMobile);

/// <summary>Contract 2.0: the student as a reference, the course and cohort, the guardian as a contact.</summary>
public sealed record EnrolmentRequestV2(StudentRefV2 Student, CourseRefV2 Course, GuardianContactV2? Guardian);

public sealed record StudentRefV2(string Number, string GivenName, string FamilyName, string Email);

public sealed record CourseRefV2(string Code, string Cohort, int Credits);

public sealed record GuardianContactV2(string Mobile, bool PreferSms);

/// <summary>What 2.0 answers: the enrolment and its course, and nothing about the student but the link.</summary>
public sealed record EnrolmentAcceptedV2(Guid EnrolmentId, string CourseCode, string Cohort, DateOnly StartsOn, string Status);

public sealed class EnrolmentV1ToV2Adapter : IContractAdapter<EnrolmentRequestV1, EnrolmentRequestV2>
{
    public ApiVersion From => new(1, 0);

    public ApiVersion To => new(2, 0);

    public EnrolmentRequestV2 Adapt(EnrolmentRequestV1 source)
    {
        var parts = source.FullName.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            throw new ContractAdaptationException(From, To, nameof(EnrolmentRequestV1.FullName), "a family name is required by 2.0");
        }
        var cohort = source.CourseCode.Length > 4 ? source.CourseCode[^4..] : "2025";
        return new EnrolmentRequestV2(
            new StudentRefV2(source.StudentNumber, parts[0], parts[1], source.Email),
            new CourseRefV2(source.CourseCode, cohort, 0),
            source.GuardianMobile is null ? null : new GuardianContactV2(source.GuardianMobile, PreferSms: true));
    }
}

public sealed class EnrolmentRequestExample : IExamplesProvider<EnrolmentRequestV2>
{
    public EnrolmentRequestV2 GetExamples() => new(
        new StudentRefV2("S0000000", "Alex", "Example", "alex.example@students.example.ac.uk"),
        new CourseRefV2("BTEC-ENG-L3", "2025", 60),
        new GuardianContactV2("07700900000", PreferSms: true));
}

public interface IEnrolmentService
{
    Task<EnrolmentAcceptedV2> EnrolAsync(EnrolmentRequestV2 request, CancellationToken cancellationToken);
}

[ApiVersion("1.0", Deprecated = true)]
[ApiVersion("2.0")]
public sealed class EnrolmentEndpoints(
    IEnrolmentService enrolments,
    IContractAdapter<EnrolmentRequestV1, EnrolmentRequestV2> adapter,
    IExamplesProvider<EnrolmentRequestV2> examples,
    ILogger<EnrolmentEndpoints> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("College.Enrolment");
    private readonly Counter<long> _adapted = meter.CreateCounter<long>("lmsapi.contract.adapted", "{request}");

    public async Task<ActionResult> EnrolV1Async(ApiCall call, EnrolmentRequestV1 request, CancellationToken cancellationToken)
    {
        Activity.Current.EnrichLmsapiRequest(call.RouteTemplate).SetLmsapiContractVersion(adapter.From.ToString()); // clean precision-about
        logger.LogInformation("Deprecated contract {From} called on {Route}; adapting to {To}", adapter.From, call.RouteTemplate, adapter.To); // clean precision-about
        logger.LogDebug("v1 enrolment body {Body}", JsonSerializer.Serialize(request)); // leak TC1001 logging-objects

        EnrolmentRequestV2 adapted;
        using (var span = Source.StartLmsapiValidation(adapter.To.ToString())) // clean precision-about
        {
            try
            {
                adapted = adapter.Adapt(request);
            }
            catch (ContractAdaptationException ex)
            {
                span.SetLmsapiValidationProperty(ex.Member).SetLmsapiNote(ex.Message); // clean exceptions
                logger.LogWarning(ex, "Could not adapt {Member} for student {Student}", ex.Member, request.StudentNumber); // leak TC1001 direct
                return new BadRequestResult(ex.Message);
            }
            span.SetLmsapiStudentId(pseudonymizer.PseudonymizeLmsapiStudentId(adapted.Student.Number)); // clean precision-pseudonym
        }

        _adapted.Add(1, new TagList { { "from", adapter.From.ToString() }, { "to", adapter.To.ToString() }, { "course", adapted.Course.Code } }); // clean precision-about
        logger.LogDebug("Adapted to 2.0: {Request}", adapted); // leak TC1001 logging-objects
        logger.LogDebug("Adapted course {Course}", adapted.Course); // clean logging-objects
        Activity.Current?.SetTag("lmsapi.guardian.present", adapted.Guardian is not null); // clean precision-about
        Activity.Current?.SetTag("lmsapi.guardian.sms", adapted.Guardian?.Mobile); // leak TC1001 cross-member

        var accepted = await enrolments.EnrolAsync(adapted, cancellationToken);
        logger.LogInformation("Enrolment accepted {Accepted}", accepted); // clean logging-objects
        return new OkResult(accepted);
    }

    public ActionResult DescribeExample()
    {
        var example = examples.GetExamples();
        logger.LogDebug("OpenAPI example for enrolment 2.0: {Example}", JsonSerializer.Serialize(example)); // clean precision-about
        return new OkResult(example);
    }
}
