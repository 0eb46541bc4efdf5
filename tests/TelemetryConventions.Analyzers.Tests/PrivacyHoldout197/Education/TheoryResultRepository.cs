namespace PrivacyHoldout197.Education;

/// <summary>Keeps the theory test results of the college's learners, imported from the test provider.</summary>
public sealed class TheoryResultRepository(TheoryTestProvider provider, TelemetrySecrets secrets, DrivingTestOptions options, ILogger<TheoryResultRepository> logger)
{
    private static readonly ActivitySource Source = new("College.TheoryResults");
    private readonly Dictionary<string, TheoryResult> _byStudent = new();
    private string _lastCertificate = string.Empty;

    public async Task ImportAsync(string studentNumber, string licenceNumber, CancellationToken ct)
    {
        using var activity = Source.StartActivity("theory.import");
        var result = await provider.ResultForAsync(licenceNumber, ct);
        if (result is null)
        {
            activity?.SetTag("theory.found", false); // clean precision-about
            return;
        }

        _byStudent[studentNumber] = result;
        _lastCertificate = result.CertificateNumber;
        activity?.SetTag("theory.multiple_choice_score", result.MultipleChoiceScore); // clean precision-about
        activity?.SetTag("theory.hazard_score", result.HazardScore); // clean precision-about
        activity?.SetTag("theory.passed", result.MultipleChoiceScore >= options.TheoryPassMark && result.HazardScore >= options.HazardPassMark); // clean precision-about
        activity?.SetTag("theory.certificate", result.CertificateNumber); // leak TC1001 direct
        activity?.SetTag("theory.student_key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber)))); // leak TC1002 hashes
        activity?.SetTag("theory.student_bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 8); // clean hashes
        activity?.SetTag("theory.sat_month", result.SatOn.ToString("yyyy-MM")); // clean precision-about
        logger.LogInformation("Theory result imported {Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Theory result imported {@Score}", new MockScore("real", result.MultipleChoiceScore, 50, result.HazardScore, result.Passed)); // clean logging-objects
    }

    public void Report()
    {
        using var activity = Source.StartActivity("theory.report");
        activity?.SetTag("theory.students", _byStudent.Count); // clean cross-member
        activity?.SetTag("theory.last_certificate", _lastCertificate); // leak TC1001 cross-member
        activity?.SetTag("theory.first_student", FirstStudent()); // leak TC1001 cross-member
        logger.LogInformation("Students with results: {Students}", string.Join(",", _byStudent.Keys)); // leak TC1001 strings
    }

    private string FirstStudent() => _byStudent.Keys.OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault() ?? string.Empty;
}
