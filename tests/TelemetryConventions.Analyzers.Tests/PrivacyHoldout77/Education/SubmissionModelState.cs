using System.ComponentModel.DataAnnotations;
using AnnotationResult = System.ComponentModel.DataAnnotations.ValidationResult;

namespace PrivacyHoldout77.Education;

/// <summary>Student numbers are an 'S' and seven digits; the message quotes what was typed, as the registry asked.</summary>
public sealed class StudentNumberFormatAttribute : ValidationAttribute
{
    protected override AnnotationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string s && s.Length == 8 && s[0] == 'S' && s[1..].All(char.IsDigit)
            ? AnnotationResult.Success
            : new AnnotationResult($"'{value}' is not a student number.", new[] { validationContext.MemberName! });
}

public sealed class AssignmentSubmission
{
    [Required, StudentNumberFormat]
    public string? StudentNumber { get; set; }

    [Required]
    public string? AssignmentCode { get; set; }

    [Required, MaxLength(20000)]
    public string? AnswerText { get; set; }

    [EmailAddress]
    public string? ReceiptEmail { get; set; }

    [Range(0, 10)]
    public int LateDays { get; set; }
}

public sealed class SubmissionEndpoint(ILogger<SubmissionEndpoint> logger, Meter meter)
{
    private readonly Counter<long> _invalid = meter.CreateCounter<long>("lmsapi.submissions.invalid", "{submission}");

    public ActionResult Submit(ApiCall call, AssignmentSubmission submission, ModelStateDictionary modelState)
    {
        var results = new List<AnnotationResult>();
        if (!Validator.TryValidateObject(submission, new ValidationContext(submission), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                _invalid.Add(1, new TagList { { "member", result.MemberNames.FirstOrDefault() }, { "assignment", submission.AssignmentCode } }); // clean precision-names
                logger.LogWarning("Submission invalid: {Members} {Error}", string.Join(",", result.MemberNames), result.ErrorMessage); // leak TC1001 exceptions
            }

            var missing = results.Where(r => r.MemberNames.Contains(nameof(AssignmentSubmission.AnswerText))).Select(r => r.ErrorMessage);
            logger.LogInformation("Answer text problems: {Errors}", string.Join(" ", missing)); // clean precision-about
            Activity.Current?.SetTag("lmsapi.submission.receipt_email_invalid", results.Any(r => r.MemberNames.Contains(nameof(AssignmentSubmission.ReceiptEmail)))); // clean precision-about
            return new BadRequestResult(null);
        }

        if (!modelState.IsValid)
        {
            Activity.Current?.SetTag("lmsapi.model_state.errors", modelState.ErrorCount); // clean precision-about
            foreach (var (key, entry) in modelState)
            {
                if (entry.Errors.Count > 0)
                {
                    logger.LogWarning("Model binding failed for {Key} with value {Attempted}", key, entry.AttemptedValue); // leak TC1001 direct
                }
            }

            var problem = new ValidationProblemDetails(modelState) { Instance = call.RouteTemplate };
            logger.LogWarning("Binding problem on {Route}: {Keys}", problem.Instance, string.Join(",", problem.Errors.Keys)); // clean precision-names
            logger.LogDebug("Binding problem {Errors}", JsonSerializer.Serialize(problem.Errors)); // leak TC1001 logging-objects
            return new BadRequestResult(null);
        }

        logger.LogInformation("Submission of {Assignment} received, {Length} characters, {Late} days late", submission.AssignmentCode, submission.AnswerText!.Length, submission.LateDays); // clean precision-about
        logger.LogDebug("Submission text {Answer}", submission.AnswerText); // leak TC1001 direct
        return new OkResult(null);
    }
}
