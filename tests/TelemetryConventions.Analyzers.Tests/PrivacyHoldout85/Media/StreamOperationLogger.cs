namespace PrivacyHoldout85.Media;

/// <summary>
/// The public endpoint of the TV and web apps. Old TV apps built their queries by string
/// concatenation, with the profile id and the search text as literals; newer apps use variables
/// and persisted documents.
/// </summary>
public sealed class StreamOperationLogger(ILogger<StreamOperationLogger> logger, Meter meter) : ExecutionDiagnosticEventListener
{
    private static readonly ActivitySource Source = new("Stream.GraphQL");
    private string? _lastFailedDocument;

    public override IDisposable ExecuteRequest(IRequestContext context)
    {
        var span = Source.StartStreamgqlOperation(context.OperationName ?? "anonymous");
        span.SetStreamgqlDocumentId(context.DocumentId?.Value ?? context.DocumentHash ?? "none"); // clean hashes
        if (context.IsPersistedDocument)
        {
            span.Activity?.SetTag("graphql.document", context.Document?.ToString()); // clean precision-about
        }
        else
        {
            span.SetStreamgqlNote(context.Document?.ToString()); // leak TC1001 generated-api
            span.Activity?.SetTag("graphql.document.persisted", false); // clean precision-about
            logger.LogDebug("Ad hoc document variables {Variables}", context.Variables); // leak TC1001 logging-objects
        }

        if (span.Activity is { } activity && context.Operation is { } operation)
        {
            activity.DisplayName = $"{operation.Type.ToString().ToLowerInvariant()} {operation.Name}"; // clean precision-about
        }

        return span;
    }

    public override void RequestError(IRequestContext context, Exception exception)
    {
        _lastFailedDocument = context.Document?.ToString();
        logger.LogError(exception, "Request {OperationName} failed; {VariableCount} variables", context.OperationName, context.Variables?.Count); // clean exceptions
        meter.CreateStreamgqlOperationsCounter().Add(1, context.OperationName ?? "anonymous", "error", streamgqlErrorCode: exception.GetType().Name); // clean exceptions
    }

    public override void ValidationErrors(IRequestContext context, IReadOnlyList<IError> errors)
    {
        Activity.Current?.SetTag("graphql.validation.codes", string.Join(",", errors.Select(e => e.Code))); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("graphql.validation", tags: new ActivityTagsCollection { ["document"] = context.Document?.ToString(), ["errors"] = errors.Count })); // leak TC1001 strings
    }

    public void DumpLastFailure()
    {
        logger.LogWarning("Last failed document: {Document}", _lastFailedDocument); // leak TC1001 cross-member
    }

    public override void RetrievedDocumentFromStorage(IRequestContext context)
    {
        logger.LogDebug("Persisted document {DocumentId} read from storage; variables {Names}", context.DocumentId, context.Document?.VariableNames); // clean precision-names
    }
}
