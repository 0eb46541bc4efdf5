namespace PrivacyHoldout76.Education;

/// <summary>Thrown by the enrolment API client: quotes the student number and name the API refused; the reason is the API's code (course-full, duplicate, under-age).</summary>
public sealed class EnrolmentRejectedException(string studentNumber, string name, string reason)
    : Exception($"Enrolment of {studentNumber} ({name}) rejected: {reason}")
{
    public string Reason { get; } = reason;
}

public sealed class FakeStudent
{
    public string StudentNumber { get; set; } = string.Empty;

    public string FullName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string GuardianMobile { get; set; } = string.Empty;

    public string Course { get; set; } = string.Empty;
}

/// <summary>
/// Seeds the load-test tenant with generated students before the enrolment-day load test, and
/// signs the virtual users in as the load-test accounts <c>vu-0000</c>… on the reserved probe domain.
/// </summary>
public sealed class RosterLoadGenerator(Pseudonymizer pseudonymizer, Meter meter, ILogger<RosterLoadGenerator> logger)
{
    private static readonly ActivitySource Source = new("College.Lms.LoadTest");
    private static readonly string[] Courses = ["BTEC-ENG-L3", "ALEVEL-MATHS", "GCSE-RESIT-ENG", "TLEVEL-DIGITAL"];
    private readonly Counter<long> _enrolled = meter.CreateCounter<long>("loadtest.enrolments");

    public IReadOnlyList<FakeStudent> Seed(string runId, int count, int seed)
    {
        Randomizer.Seed = new Random(seed);
        var students = new Faker<FakeStudent>("en_GB")
            .RuleFor(s => s.StudentNumber, f => f.Random.Number(2300000, 2399999).ToString())
            .RuleFor(s => s.FullName, f => f.Name.FullName())
            .RuleFor(s => s.Email, (f, s) => f.Internet.Email(s.FullName.Split(' ')[0], s.FullName.Split(' ')[1]))
            .RuleFor(s => s.GuardianMobile, f => f.Phone.PhoneNumber("07### ######"))
            .RuleFor(s => s.Course, f => f.Random.ArrayElement(Courses))
            .Generate(count);

        using var span = Source.StartLmsopsProbe("load:enrolment-day")
            .SetLmsopsNote($"run {runId}: {count} students, seed {seed}"); // clean generated-api
        logger.LogInformation("Seeding run {RunId} with {Count} students from seed {Seed}", runId, count, seed); // clean precision-about

        for (var index = 0; index < students.Count; index++)
        {
            var student = students[index];
            var login = $"vu-{index:0000}@probes.northfield.ac.example";
            logger.LogDebug("Virtual user {Index} signs in as {Login}", index, login); // clean precision-about
            logger.LogDebug("Generated student {StudentNumber} {Name}", student.StudentNumber, student.FullName); // leak TC1001 direct
            logger.LogTrace("Generated {@Student}", student); // leak TC1001 logging-objects
            Activity.Current?.SetTag("load.guardian", student.GuardianMobile); // leak TC1001 direct
            Activity.Current?.SetTag("load.vu", index);
            span.SetLmsopsStudentId(pseudonymizer.PseudonymizeLmsopsStudentId(student.StudentNumber)); // clean precision-pseudonym
            _enrolled.Add(1, new KeyValuePair<string, object?>("run", runId), new KeyValuePair<string, object?>("course", student.Course)); // clean precision-about
            _enrolled.Add(1, new KeyValuePair<string, object?>("student", student.Email)); // leak TC1003 direct
        }

        var domains = students.Select(s => s.Email[(s.Email.IndexOf('@') + 1)..]).Distinct().Count();
        span.Activity?.SetTag("load.email_domains", domains); // clean precision-about
        span.SetLmsopsNote($"first student {students[0].FullName}"); // leak TC1001 generated-api
        return students;
    }

    public async Task EnrolAsync(FakeStudent student, Func<FakeStudent, Task> enrol)
    {
        try
        {
            await enrol(student);
        }
        catch (EnrolmentRejectedException ex)
        {
            logger.LogWarning(ex, "Generated student rejected by the enrolment API"); // leak TC1001 exceptions
            Activity.Current?.SetTag("load.enrol.rejected", ex.Reason); // clean exceptions
        }
    }
}
