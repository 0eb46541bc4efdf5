namespace PrivacyHoldout77.Education;

public sealed class StudentContactDocument
{
    public string? Email { get; set; }

    public string? Mobile { get; set; }

    public string? GuardianName { get; set; }

    public string? GuardianMobile { get; set; }

    public string? GuardianEmail { get; set; }

    public bool? ConsentToSms { get; set; }

    public int? PreferredContactHour { get; set; }
}

public interface IStudentContacts
{
    Task<StudentContactDocument?> FindAsync(string studentNumber, CancellationToken cancellationToken);

    Task SaveAsync(string studentNumber, StudentContactDocument document, CancellationToken cancellationToken);
}

/// <summary>PATCH /api/v2/students/{studentNumber}/contact with a JSON Patch document.</summary>
public sealed class GuardianContactPatchEndpoint(IStudentContacts contacts, ILogger<GuardianContactPatchEndpoint> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly HashSet<string> GuardianPaths = new(StringComparer.OrdinalIgnoreCase) { "/guardianName", "/guardianMobile", "/guardianEmail" };
    private readonly Counter<long> _operations = meter.CreateCounter<long>("lmsapi.patch.operations", "{operation}");
    private string? _lastRejectedValue;

    public async Task<ActionResult> PatchAsync(ApiCall call, string studentNumber, JsonPatchDocument<StudentContactDocument> patch, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichLmsapiRequest(call.RouteTemplate); // clean precision-about
        span.SetLmsapiStudentId(pseudonymizer.PseudonymizeLmsapiStudentId(studentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("http.request.path", call.Path); // leak TC1001 strings

        var document = await contacts.FindAsync(studentNumber, cancellationToken);
        if (document is null)
        {
            return new NotFoundResult(null);
        }

        logger.LogInformation("Patch with {Count} operations on {Paths}", patch.Operations.Count, string.Join(",", patch.Operations.Select(o => o.path))); // clean precision-names
        foreach (var operation in patch.Operations)
        {
            _operations.Add(1, new TagList { { "op", operation.op }, { "path", operation.path } }); // clean precision-names
            if (GuardianPaths.Contains(operation.path))
            {
                logger.LogInformation("Guardian contact change {Op} {Path} -> {Value}", operation.op, operation.path, operation.value); // leak TC1001 direct
                Activity.Current?.AddEvent(new ActivityEvent("guardian.contact.changed", tags: new ActivityTagsCollection { ["patch.op"] = operation.op, ["patch.path"] = operation.path })); // clean precision-names
            }
        }
        logger.LogDebug("Operations {Operations}", patch.Operations); // clean logging-objects

        var errors = new List<JsonPatchError>();
        patch.ApplyTo(document, errors.Add);
        if (errors.Count > 0)
        {
            var first = errors[0];
            _lastRejectedValue = first.Operation.value?.ToString();
            span.SetLmsapiFailureCount(errors.Count).SetLmsapiOutcome("invalid"); // clean precision-about
            logger.LogWarning("Patch rejected at {Pointer}: {Message}", first.Operation.path, first.ErrorMessage); // leak TC1001 exceptions
            logger.LogLmsapiValidationFailedEvent(call.RouteTemplate, errors.Count, lmsapiValidationProperty: first.Operation.path, lmsapiErrorCode: "PATCH_INVALID"); // clean precision-names
            return new BadRequestResult("The patch could not be applied.");
        }

        await contacts.SaveAsync(studentNumber, document, cancellationToken);
        logger.LogInformation("Contact patched; SMS consent now {Consent}, hour {Hour}", document.ConsentToSms, document.PreferredContactHour); // clean precision-about
        return new OkResult(null);
    }

    public void ReportLastRejection()
    {
        logger.LogInformation("Last rejected patch value was {Value}", _lastRejectedValue); // leak TC1001 cross-member
    }
}
