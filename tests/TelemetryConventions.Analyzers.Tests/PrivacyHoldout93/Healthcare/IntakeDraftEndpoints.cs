namespace PrivacyHoldout93.Healthcare;

/// <summary>
/// Partial saves of the long intake form and its uploads: the patient saves and gets a resume link by text
/// message, comes back with the link's token, and attaches a photo of their medication list or a referral letter.
/// </summary>
public sealed class IntakeDraftEndpoints(
    IDraftStore drafts,
    IUploadStore uploads,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<IntakeDraftEndpoints> logger)
{
    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/intake/{formId}/drafts", SaveDraftAsync);
        routes.MapGet("/intake/resume/{token}", ResumeAsync);
        routes.MapPost("/intake/{formId}/uploads/{fieldId}", UploadAsync);
    }

    private async Task<ActionResult> SaveDraftAsync(string formId, int step, Dictionary<string, string?> answers, CancellationToken cancellationToken)
    {
        using var span = telemetry.Source.StartIntakeSubmit(formId, spanName: "intake.draft.save").SetIntakeOutcome("draft_saved");
        var draft = await drafts.SaveAsync(formId, answers, step, cancellationToken);
        span.SetIntakeSubmissionId(draft.DraftId) // clean precision-names
            .SetIntakeAnswerCount(answers.Count(a => !string.IsNullOrEmpty(a.Value)));
        span.Activity?.SetTag("intake.draft.step", draft.Step);
        logger.LogInformation("Draft saved {Draft}", draft); // leak TC1001 logging-objects
        logger.LogDebug("Draft {DraftId} of {FormId} expires {ExpiresAt}", draft.DraftId, draft.FormId, draft.SavedAt + options.DraftLifetime); // clean precision-names
        var link = $"{options.PublicBaseUrl}/intake/resume/{draft.ResumeToken}";
        span.Activity?.AddEvent(new ActivityEvent("intake.resume_link.sent", tags: new ActivityTagsCollection { ["link"] = link })); // leak TC1001 strings
        span.Activity?.SetTag("intake.answered_fields", string.Join(",", answers.Where(a => a.Value is not null).Select(a => a.Key))); // clean precision-names
        return new OkResult(draft.DraftId);
    }

    private async Task<ActionResult> ResumeAsync(string token, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Source.StartActivity("intake.draft.resume");
        activity?.SetTag("intake.resume.token_length", token.Length); // clean precision-about
        var draft = await drafts.FindByTokenAsync(token, cancellationToken);
        if (draft is null)
        {
            logger.LogWarning("No draft for resume token {Token}", token); // leak TC1001 direct
            return new NotFoundResult(null);
        }
        try
        {
            if (DateTimeOffset.UtcNow - draft.SavedAt > options.DraftLifetime)
            {
                throw new DraftExpiredException(draft.DraftId, draft.SavedAt);
            }
        }
        catch (DraftExpiredException expired)
        {
            activity?.SetStatus(ActivityStatusCode.Error, expired.Message); // clean exceptions
            return new NotFoundResult("expired");
        }
        activity?.SetTag("intake.draft.id", draft.DraftId); // clean precision-names
        logger.LogDebug("Resuming at step {Step} with {@Answers}", draft.Step, draft.Answers); // leak TC1001 logging-objects
        return new OkResult(draft.Answers);
    }

    private async Task<ActionResult> UploadAsync(string formId, string fieldId, FileUploadAnswer upload, System.IO.Stream content, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Source.StartActivity("intake.upload");
        activity?.SetTag("intake.field.id", fieldId); // clean precision-names
        activity?.SetTag("intake.upload.content_type", upload.ContentType);
        activity?.SetTag("intake.upload.bytes", upload.Length);
        if (upload.Length > options.MaxUploadBytes)
        {
            logger.LogWarning("Upload {FileName} to {FieldId} is {Bytes} bytes, over the limit", upload.FileName, fieldId, upload.Length); // leak TC1001 direct
            return new BadRequestResult("too large");
        }
        var key = await uploads.PutAsync(upload.StorageKey, content, upload.ContentType, cancellationToken);
        activity?.SetTag("intake.upload.key", key); // clean precision-names
        logger.LogInformation("Stored upload {Upload}", upload); // leak TC1001 logging-objects
        logger.LogInformation("Stored {Extension} upload for field {FieldId} of {FormId}", upload.Extension, fieldId, formId); // clean precision-about
        return new OkResult(key);
    }
}
