namespace PrivacyHoldout85.Healthcare;

/// <summary>
/// Diagnostics of the clinician app's endpoint. The endpoint accepts trusted documents only: the app
/// ships its operations as persisted documents written with variables, and anything else is rejected
/// before it is parsed.
/// </summary>
public sealed partial class CareDiagnosticListener(ILogger<CareDiagnosticListener> logger, Meter meter) : ExecutionDiagnosticEventListener
{
    private static readonly ActivitySource Source = new("Care.GraphQL");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("care.graphql.untrusted_rejected");

    public override IDisposable ExecuteRequest(IRequestContext context)
    {
        var name = context.OperationName ?? "anonymous";
        var span = Source.StartCaregqlOperation(name).SetCaregqlDocumentId(context.DocumentId?.Value ?? "none"); // clean hashes
        span.Activity?.SetTag("graphql.document", context.Document?.ToString()); // clean precision-about
        span.Activity?.SetTag("graphql.variables.names", string.Join(",", context.Variables?.Keys ?? [])); // clean precision-names
        span.Activity?.SetTag("graphql.document.cached", context.IsCachedDocument); // clean precision-about
        logger.LogDebug("Executing {OperationName} with {Variables}", name, context.Variables); // leak TC1001 logging-objects
        return span;
    }

    public override void ResolverError(IMiddlewareContext context, IError error)
    {
        Activity.Current?.SetTag("graphql.error.code", error.Code); // clean precision-about
        Activity.Current?.SetTag("graphql.error.path", error.Path?.ToString()); // clean precision-names
        ResolverFailed(logger, context.Selection.Field.Coordinate.ToString(), error.Exception?.Message ?? error.Message); // leak TC1001 exceptions
        logger.LogCaregqlResolverFailedEvent(context.Selection.Field.Coordinate.ToString(), error.Code ?? ErrorCodes.Unexpected, caregqlNote: error.Exception?.Message); // leak TC1001 generated-api
        if (error.Exception is PatientNotRegisteredException notRegistered)
        {
            Activity.Current?.SetTag("care.practice.code", notRegistered.PracticeCode); // clean precision-about
        }
    }

    public override void RequestError(IRequestContext context, Exception exception)
    {
        if (context.Document is { } document)
        {
            logger.LogError(exception, "Request failed; replay with {Operation}", OperationText.InlineVariables(document, context.Variables)); // leak TC1001 strings
        }
    }

    public override void ValidationErrors(IRequestContext context, IReadOnlyList<IError> errors)
    {
        foreach (var error in errors)
        {
            logger.LogInformation("Validation error {Code} at {Path}", error.Code, error.Path); // clean precision-about
        }
    }

    public override void UntrustedDocumentRejected(IRequestContext context)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("document.hash", context.DocumentHash)); // clean hashes
    }

    public override void DocumentNotFoundInStorage(IRequestContext context, OperationDocumentId documentId)
    {
        var ex = new PersistedOperationNotFoundException(documentId);
        Activity.Current?.AddException(ex); // clean exceptions
        logger.LogWarning(ex, "Persisted operation {DocumentId} missing; app version {AppVersion}", documentId, context.ContextData.TryGetValue("app.version", out var v) ? v : null); // clean hashes
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Resolver {Coordinate} failed: {Message}")]
    private static partial void ResolverFailed(ILogger logger, string coordinate, string message);
}
